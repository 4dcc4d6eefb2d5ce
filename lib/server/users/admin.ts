import "server-only";
import { db, type Prisma, transaction, isUniqueViolation } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import {
  initialRoles,
  newUserSchema,
  USER_KINDS,
  type NewUserInput,
  type UserKind,
} from "@/lib/domain/auth/user-admin";
import { forbidden, invalid } from "@/lib/domain/errors";
import { isChoice } from "@/lib/domain/records/choices";
import { activeFilter, activeWhere, listPage, parseOrThrow, searchText } from "@/lib/domain/validation";
import { hashPassword } from "../auth/credentials";
import { forgetUserOptions } from "../lookup/choices";
import { containsInAny } from "../text-search";
import { insertContact } from "./contact";
import { assertRolesFitAccount, emailTaken, insertPerson } from "./people";
import { TABLE } from "@/lib/domain/records/tables";

export const USERS_PAGE = 50;
/** The audit table of users (ServiceNow's name). */
export const USER_TABLE = TABLE.user;

export function assertUserAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can manage users.");
}

export type UserFilter = { q?: string; kind?: string; active?: string; page?: unknown };

/** ADM-3: users by name or email, kind and active state, 50 a page, by name. */
export async function listUsers(actor: Actor, filter: UserFilter) {
  assertUserAdmin(actor);
  const q = searchText(filter.q);
  const kind = isChoice(USER_KINDS, filter.kind) ? filter.kind : null;
  const active = activeFilter(filter.active);
  const where: Prisma.UserWhereInput = {
    ...containsInAny<Prisma.UserWhereInput>(q, ["name", "email"]),
    ...(kind ? { kind } : {}),
    ...activeWhere(active),
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
        passwordHash: true,
        // Whether it is a partner or a customer: a contact is offered the portal roles that fit it.
        account: { select: { name: true, isPartner: true, isCustomer: true } },
        roles: { select: { role: true }, orderBy: { role: "asc" } },
      },
    }),
    db().user.count({ where }),
  ]);
  return {
    rows: rows.map(({ passwordHash, ...r }) => ({
      ...r,
      canSignIn: passwordHash !== null,
      kind: r.kind as UserKind,
      roles: r.roles.map((x) => x.role),
    })),
    total,
    page,
    filter: { q, kind, active },
  };
}

/**
 * ADM-3: an internal user, a contact of an account or a consumer, with an initial password (bcrypt) or
 * none (they follow an invitation, SET-4) and their first role; external users also get snc_external.
 * The email is unique in any case: two identical submissions make one user and the other answers a
 * conflict on Email.
 */
export async function createUser(actor: Actor, raw: NewUserInput) {
  assertUserAdmin(actor);
  const input = parseOrThrow(newUserSchema, raw);
  const roles = initialRoles(input.kind, input.role || undefined);
  if (input.accountId && !(await db().account.findUnique({ where: { id: input.accountId } })))
    throw invalid("accountId", "Account was not found; pick it again from the list.");
  if (await db().user.findUnique({ where: { email: input.email } })) throw emailTaken(input.email);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    const created = await transaction(async (tx) => {
      const person = { name: input.name, email: input.email, roles, passwordHash };
      if (input.kind === "contact" && input.accountId) {
        // SET-2: a contact is the directory's — on an active account, with roles that fit it (the
        // form's field is Role), the account's first contact its primary contact (PRO-2).
        await assertRolesFitAccount(tx, input.accountId, roles, "role");
        return insertContact(tx, actor, { ...person, accountId: input.accountId });
      }
      return insertPerson(tx, actor, { ...person, kind: input.kind, accountId: input.accountId ?? null });
    });
    forgetUserOptions();
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken(input.email);
    throw e;
  }
}
