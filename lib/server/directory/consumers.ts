import "server-only";
import { db, inTransaction, type Prisma, type Tx } from "@/lib/db";
import { mayResetPassword } from "@/lib/domain/auth/password-links";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import {
  consumerCreateSchema,
  consumerUpdateSchema,
  type ConsumerCreateInput,
  type ConsumerUpdateInput,
} from "@/lib/domain/directory/schemas";
import { activeFilter, activeWhere, listPage, parseOrThrow, searchText } from "@/lib/domain/validation";
import { containsInAny } from "../text-search";
import { assertDirectory, forgetDirectoryOptions, requirePerson } from "./access";
import { insertPerson, orEmailTaken, updatePerson } from "../users/people";

export const CONSUMERS_PAGE = 50;

/** SET-2: /admin/consumers — by name, email or phone, active or not, 50 a page. */
export async function listConsumers(actor: Actor, filter: { q?: string; status?: string; page?: unknown }) {
  assertDirectory(actor);
  const q = searchText(filter.q);
  const status = activeFilter(filter.status);
  const where: Prisma.UserWhereInput = {
    kind: "consumer",
    ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email", "phone"]),
    ...activeWhere(status),
  };
  const page = listPage(filter.page);
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * CONSUMERS_PAGE,
      take: CONSUMERS_PAGE,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        active: true,
        version: true,
        passwordHash: true,
        roles: { select: { role: true } },
        _count: { select: { casesAsConsumer: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  return {
    rows: rows.map(({ passwordHash, _count, roles, ...r }) => ({
      ...r,
      canSignIn: passwordHash !== null,
      // SET-4: Invite is offered to those with a portal role (inviteUser refuses the others).
      mayInvite: mayResetPassword({ kind: "consumer", roles: roles.map((x) => x.role) }),
      cases: _count.casesAsConsumer,
    })),
    total,
    page,
    filter: { q, status },
  };
}

/** SET-2: a consumer — an individual customer, with the consumer role (and snc_external). */
export async function createConsumer(actor: Actor, raw: ConsumerCreateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(consumerCreateSchema, raw);
  const created = await inTransaction(outer, (tx) =>
    insertPerson(tx, actor, { kind: "consumer", ...input, roles: [ROLE.consumer] }),
  ).catch(orEmailTaken(input.email));
  forgetDirectoryOptions(outer);
  return created;
}

/** SET-2: a consumer's form — name, email, phone — versioned (REC-6) and audited. */
export async function updateConsumer(actor: Actor, userId: unknown, raw: ConsumerUpdateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(consumerUpdateSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const before = await requirePerson(tx, userId, "consumer");
    const changed = await updatePerson(tx, actor, { ...before, kind: "consumer" }, input);
    return { id: before.id, name: input.name, changed };
  }).catch(orEmailTaken(input.email));
  forgetDirectoryOptions(outer);
  return out;
}
