import "server-only";
import { afterCommit, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { canManageDirectory } from "@/lib/domain/directory/access";
import { forbidden, notFound } from "@/lib/domain/errors";
import { recordId, recordNumber } from "@/lib/domain/validation";
import { forgetCached } from "../cache";
import { forgetUserOptions } from "../lookup/choices";
import { lockRows } from "@/lib/server/tables/row-locks";

/** SET-2 (ROLE-2): every directory service checks the role itself. */
export function assertDirectory(actor: Actor) {
  if (!canManageDirectory(actor))
    throw forbidden("Only administrators and customer service managers maintain the customer directory.");
}

export const accountSelect = {
  id: true,
  number: true,
  name: true,
  nameKey: true,
  isCustomer: true,
  isPartner: true,
  active: true,
  version: true,
  primaryContactId: true,
} as const;

/** An account by its number (ACC…), or "not found". */
export async function requireAccount(tx: Tx, number: unknown) {
  const account = await tx.account.findUnique({
    where: { number: recordNumber(number, "The account") },
    select: accountSelect,
  });
  if (!account) throw notFound("The account");
  return account;
}

/**
 * The account, row-locked first (PostgreSQL): what is decided about it — its kind, its roles'
 * holders, its relationships — holds until commit (SET-2: unticking Partner while another admin
 * gave its contact a partner role let both through).
 */
export async function requireLockedAccount(tx: Tx, number: unknown) {
  const found = await tx.account.findUnique({
    where: { number: recordNumber(number, "The account") },
    select: { id: true },
  });
  if (!found) throw notFound("The account");
  await lockRows(tx, "Account", [found.id]);
  return requireAccount(tx, number);
}

/** A contact or consumer by id (a user of another kind is "not found" here). */
export async function requirePerson(tx: Tx, userId: unknown, kind: "contact" | "consumer") {
  const id = recordId(userId);
  const user =
    id !== null
      ? await tx.user.findFirst({
          where: { id, kind },
          select: {
            id: true,
            name: true,
            email: true,
            phone: true,
            kind: true,
            active: true,
            accountId: true,
            account: { select: { number: true } },
            version: true,
            roles: { select: { role: true }, orderBy: { role: "asc" } },
          },
        })
      : null;
  if (!user) throw notFound(kind === "contact" ? "The contact" : "The consumer");
  const { account, ...rest } = user;
  return { ...rest, accountNumber: account?.number ?? null, roles: user.roles.map((r) => r.role) };
}

/**
 * The pickers' cached option lists load afresh after a directory write — in every worker of this
 * node (lib/server/cache.ts), once `outer` (the Table API's request transaction, when there is one)
 * has committed, so no request reloads them from the old rows.
 */
export function forgetDirectoryOptions(outer?: Tx) {
  afterCommit(outer, () => {
    forgetUserOptions();
    forgetCached("options:");
  });
}
