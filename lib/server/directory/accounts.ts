import "server-only";
import { inTransaction, type Tx, isUniqueViolation } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { diffFields } from "@/lib/domain/audit/diff";
import { accountNameKey } from "@/lib/domain/directory/names";
import {
  accountCreateSchema,
  accountUpdateSchema,
  activeSchema,
  type AccountCreateInput,
  type AccountUpdateInput,
} from "@/lib/domain/directory/schemas";
import { conflict, invalid, staleRecord } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation, writeAudit } from "../audit/write";
import { nextNumber } from "../records/numbers";
import { applyUsersActive } from "../users/active";
import { lockRows } from "../tables/row-locks";
import { assertDirectory, forgetDirectoryOptions, requireAccount, requireLockedAccount } from "./access";
import { assertKindChangeLeavesNothing } from "./account-kind";

const nameTaken = (name: string, number: string) =>
  conflict(`Name: an account named “${name}” already exists (${number}).`, "name");

/** SET-2: two accounts never share a name (in any letter case or spacing): imports match by it. */
export async function assertNameFree(tx: Tx, nameKey: string, exceptId?: number) {
  const other = await tx.account.findUnique({
    where: { nameKey },
    select: { id: true, name: true, number: true },
  });
  if (other && other.id !== exceptId) throw nameTaken(other.name, other.number);
}

/** Two creations of one name at once: the unique key answers for the second. */
const orNameTaken = (name: string) => (e: unknown) => {
  if (isUniqueViolation(e)) throw conflict(`Name: an account named “${name}” already exists.`, "name");
  throw e;
};

/** SET-2: a new account (ACC…), customer and/or partner, audited (REC-5). */
export async function createAccount(actor: Actor, raw: AccountCreateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(accountCreateSchema, raw);
  const nameKey = accountNameKey(input.name);
  const created = await inTransaction(outer, async (tx) => {
    await assertNameFree(tx, nameKey);
    const account = await tx.account.create({
      data: { ...input, nameKey, number: await nextNumber(tx, "account") },
      select: { id: true, number: true, name: true, isCustomer: true, isPartner: true, active: true },
    });
    await auditCreation(tx, TABLE.account, account, actor);
    return account;
  }).catch(orNameTaken(input.name));
  forgetDirectoryOptions(outer);
  return created;
}

/**
 * SET-2: the account form — name, customer/partner, primary contact (an active contact of this
 * account) — from the version the editor loaded (REC-6), one audit row per changed field (REC-5).
 */
export async function updateAccount(actor: Actor, number: string, raw: AccountUpdateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(accountUpdateSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    // Locked before its kind change is checked (assertKindChangeLeavesNothing counts role holders).
    const before = await requireLockedAccount(tx, number);
    if (input.version !== before.version) throw staleRecord("account");
    const nameKey = accountNameKey(input.name);
    if (nameKey !== before.nameKey) await assertNameFree(tx, nameKey, before.id);
    const primaryContactId = input.primaryContactId ?? null;
    if (primaryContactId && primaryContactId !== before.primaryContactId) {
      // The contact's row locked (after the account's, as a deactivation takes them) and read under
      // the lock: a deactivation committed meanwhile is seen, and one that follows finds this account
      // to clear. Read unlocked, both saved and the deactivated contact stayed primary (PostgreSQL).
      await lockRows(tx, "User", [primaryContactId]);
      const contact = await tx.user.findFirst({
        where: { id: primaryContactId, kind: "contact", accountId: before.id, active: true },
        select: { id: true },
      });
      if (!contact)
        throw invalid("primaryContactId", "Primary contact must be an active contact of this account.");
    }
    const fields = {
      name: input.name,
      isCustomer: input.isCustomer,
      isPartner: input.isPartner,
      primaryContactId,
    };
    await assertKindChangeLeavesNothing(tx, before, fields);
    const changes = diffFields(before, fields);
    if (!changes.length) return { number: before.number, changed: false };
    const saved = await tx.account.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...fields, nameKey, version: { increment: 1 } },
    });
    if (!saved.count) throw staleRecord("account");
    await writeAudit(tx, TABLE.account, before.id, changes, actor);
    return { number: before.number, changed: true };
  }).catch(orNameTaken(input.name));
  forgetDirectoryOptions(outer);
  return out;
}

/**
 * SET-2: Deactivate / Reactivate an account. A deactivated account is offered in no picker, and its
 * contacts are deactivated with it in the same transaction (signed out, tokens revoked, audited):
 * nobody of a former customer reaches the portal. Reactivating brings back the account only; its
 * contacts are reactivated one by one.
 */
export async function setAccountActive(actor: Actor, number: string, raw: { active?: unknown }, outer?: Tx) {
  assertDirectory(actor);
  const { active } = parseOrThrow(activeSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const before = await requireAccount(tx, number);
    if (before.active === active)
      return { number: before.number, name: before.name, changed: false, contacts: 0 };
    // Only while it is still not so: two deactivations at once (PostgreSQL) both read it active, and
    // the second, waiting on the first's row lock, changed and audited it again.
    const { count } = await tx.account.updateMany({
      where: { id: before.id, active: !active },
      data: { active, version: { increment: 1 } },
    });
    if (count === 0) return { number: before.number, name: before.name, changed: false, contacts: 0 };
    await writeAudit(tx, TABLE.account, before.id, diffFields(before, { active }), actor);
    const contacts = active
      ? 0
      : (await applyUsersActive(tx, { accountId: before.id, kind: "contact" }, false, actor)).ids.length;
    return { number: before.number, name: before.name, changed: true, contacts };
  });
  forgetDirectoryOptions(outer);
  return out;
}
