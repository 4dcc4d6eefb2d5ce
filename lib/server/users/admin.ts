import "server-only";
import { db, Prisma, transaction } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import {
  initialRoles,
  newUserSchema,
  USER_KINDS,
  type NewUserInput,
  type UserKind,
} from "@/lib/domain/auth/user-admin";
import { conflict, forbidden, invalid } from "@/lib/domain/errors";
import { isChoice } from "@/lib/domain/records/choices";
import { listPage, parseOrThrow, withoutControlCharacters } from "@/lib/domain/validation";
import { auditCreation } from "../audit/write";
import { hashPassword } from "../auth/credentials";
import { forgetUserOptions } from "../lookup/choices";
import { containsText } from "../text-search";

export const USERS_PAGE = 50;
/** The audit table of users (ServiceNow's name). */
export const USER_TABLE = "sys_user";

export function assertUserAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can manage users.");
}

export type UserFilter = { q?: string; kind?: string; active?: string; page?: unknown };

/** ADM-3: users by name or email, kind and active state, 50 a page, by name. */
export async function listUsers(actor: Actor, filter: UserFilter) {
  assertUserAdmin(actor);
  const q = withoutControlCharacters(String(filter.q ?? ""))
    .trim()
    .slice(0, 100);
  const kind = isChoice(USER_KINDS, filter.kind) ? filter.kind : null;
  const active = filter.active === "active" || filter.active === "inactive" ? filter.active : null;
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ name: containsText(q) }, { email: containsText(q) }] } : {}),
    ...(kind ? { kind } : {}),
    ...(active ? { active: active === "active" } : {}),
  };
  const page = listPage(filter.page);
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE,
      take: USERS_PAGE,
      select: {
        id: true,
        name: true,
        email: true,
        kind: true,
        active: true,
        account: { select: { name: true } },
        roles: { select: { role: true }, orderBy: { role: "asc" } },
      },
    }),
    db().user.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      kind: r.kind as UserKind,
      roles: r.roles.map((x) => x.role),
    })),
    total,
    page,
    filter: { q, kind, active },
  };
}

export const emailTaken = (email: string) =>
  conflict(`Email: a user with the email ${email} already exists.`, "email");

/**
 * ADM-3: an internal user, a contact of an account or a consumer, with an initial password (bcrypt)
 * and their first role; external users also get snc_external. The email is unique in any case:
 * two identical submissions make one user and the other answers a conflict on Email.
 */
export async function createUser(actor: Actor, raw: NewUserInput) {
  assertUserAdmin(actor);
  const input = parseOrThrow(newUserSchema, raw);
  const roles = initialRoles(input.kind, input.role || undefined);
  if (input.accountId && !(await db().account.findUnique({ where: { id: input.accountId } })))
    throw invalid("accountId", "Account was not found; pick it again from the list.");
  if (await db().user.findUnique({ where: { email: input.email } })) throw emailTaken(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          kind: input.kind,
          accountId: input.accountId ?? null,
          passwordHash,
          roles: { create: roles.map((role) => ({ role })) },
        },
        select: { id: true, name: true, email: true, kind: true, accountId: true, active: true },
      });
      await auditCreation(tx, USER_TABLE, { ...user, roles: roles.join(", ") }, actor);
      return user;
    });
    forgetUserOptions();
    return { ...created, roles };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw emailTaken(input.email);
    throw e;
  }
}
