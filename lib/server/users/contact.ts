import "server-only";
// The contact of an account, as every writer adds one (SET-2): the directory's contacts, the case
// form's New contact and /admin/users' New user. Below both the directory and the users areas.
import type { Tx } from "@/lib/db";
import type { Actor, Role } from "@/lib/domain/auth/roles";
import { defaultPortalRoles } from "@/lib/domain/directory/schemas";
import { invalid } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { writeAudit } from "../audit/write";
import { lockRows } from "../tables/row-locks";
import { insertPerson } from "./people";

/**
 * An account people, assets and cases may be added to: it exists and is active (SET-2). The row is
 * locked for the transaction (PostgreSQL): a deactivation running at the same time waits, then
 * deactivates the contact just added or reactivated with the rest, instead of missing it.
 */
export async function activeAccount(tx: Tx, accountId: number) {
  await lockRows(tx, "Account", [accountId]);
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      number: true,
      name: true,
      active: true,
      isPartner: true,
      isCustomer: true,
      primaryContactId: true,
    },
  });
  if (!account) throw invalid("accountId", "Account was not found; pick it again from the list.");
  if (!account.active) throw invalid("accountId", `${account.name} is deactivated; reactivate it first.`);
  return account;
}

type NewContact = {
  name: string;
  email: string;
  phone?: string;
  accountId: number;
  roles?: Role[];
  /** An initial password (ADM-3's New user); none: they follow an invitation (SET-4). */
  passwordHash?: string | null;
};

/**
 * A contact of an active account; the account's first contact becomes its primary contact (PRO-2).
 * The directory, the case form's New contact and /admin/users' New user add contacts here (the
 * import, in bulk, applies the same rules in lib/server/directory/import/write.ts).
 */
export async function insertContact(tx: Tx, actor: Actor, input: NewContact) {
  const account = await activeAccount(tx, input.accountId);
  const contact = await insertPerson(tx, actor, {
    kind: "contact",
    name: input.name,
    email: input.email,
    phone: input.phone,
    accountId: account.id,
    roles: input.roles ?? defaultPortalRoles(account),
    passwordHash: input.passwordHash,
  });
  if (!account.primaryContactId) {
    await tx.account.update({
      where: { id: account.id },
      data: { primaryContactId: contact.id, version: { increment: 1 } }, // an open form is now stale
    });
    const change = { field: "primaryContactId", oldValue: null, newValue: String(contact.id) };
    await writeAudit(tx, TABLE.account, account.id, [change], actor);
  }
  return { ...contact, accountNumber: account.number };
}
