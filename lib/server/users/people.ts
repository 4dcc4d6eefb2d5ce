import "server-only";
import { type Tx, isUniqueViolation } from "@/lib/db";
import type { Actor, Role } from "@/lib/domain/auth/roles";
import { requiredRoles, type UserKind } from "@/lib/domain/auth/user-admin";
import { diffFields } from "@/lib/domain/audit/diff";
import { conflict, invalid, staleRecord } from "@/lib/domain/errors";
import { portalRoleRefusal } from "@/lib/domain/directory/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { auditCreation, writeAudit } from "../audit/write";
import { lockRows } from "@/lib/server/tables/row-locks";

// Writing a person (internal user, contact, consumer): users/admin.ts and the directory
// (contacts.ts, consumers.ts) both insert and update people through here.

export const emailTaken = (email: string) =>
  conflict(`Email: a user with the email ${email} already exists.`, "email");

/** Two creations of one email at once: the unique key answers for the second. */
export const orEmailTaken = (email: string) => (e: unknown) => {
  if (isUniqueViolation(e)) throw emailTaken(email);
  throw e;
};

/** SET-2: the email must be free (any letter case: emails are stored normalised). */
export async function assertEmailFree(tx: Tx, email: string, exceptUserId?: number) {
  const other = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== exceptUserId) throw emailTaken(email);
}

export type NewPerson = {
  kind: UserKind;
  name: string;
  email: string;
  phone?: string | null;
  accountId?: number | null;
  roles: readonly Role[];
  passwordHash?: string | null;
};

/**
 * A new internal user, contact or consumer with their roles (external users always hold
 * snc_external) and the audit rows of their initial values (REC-5) — never the password hash.
 */
/** SET-2 / ROLE-3: a contact's portal roles fit their account (`portalRoleRefusal`), read once. */
export async function assertRolesFitAccount(
  tx: Tx,
  accountId: number | null | undefined,
  roles: readonly string[],
  field = "roles",
) {
  if (!accountId) return;
  // SET-2: the account's kind holds until commit (an admin unticking Partner meanwhile waits, then
  // sees this role and refuses), rather than both going through.
  await lockRows(tx, "Account", [accountId]);
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: { name: true, isPartner: true, isCustomer: true },
  });
  const refusal = account && portalRoleRefusal(roles, account);
  if (refusal) throw invalid(field, refusal);
}

export async function insertPerson(tx: Tx, actor: Pick<Actor, "id" | "name"> | null, p: NewPerson) {
  await assertEmailFree(tx, p.email);
  const roles = [...new Set([...p.roles, ...requiredRoles(p.kind)])];
  if (p.kind === "contact") await assertRolesFitAccount(tx, p.accountId, roles);
  const user = await tx.user.create({
    data: {
      kind: p.kind,
      name: p.name,
      email: p.email,
      phone: p.phone || null,
      accountId: p.accountId ?? null,
      passwordHash: p.passwordHash ?? null,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, name: true, email: true, phone: true, kind: true, accountId: true, active: true },
  });
  await auditCreation(tx, TABLE.user, { ...user, roles: roles.sort().join(", ") }, actor);
  return { ...user, roles };
}

type Person = {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  version: number;
  roles: string[];
};

/**
 * REC-5, REC-6: saves a contact's or consumer's form — from the version the editor loaded (a stale one
 * is refused and nothing changes), the email kept free, the roles set exactly as given (snc_external
 * kept), one audit row per changed field. Answers whether anything changed.
 */
export async function updatePerson(
  tx: Tx,
  actor: Pick<Actor, "id" | "name">,
  before: Person & { kind: UserKind; accountId?: number | null },
  next: { name: string; email: string; phone?: string | null; roles?: readonly Role[]; version: number },
) {
  if (next.version !== before.version) throw staleRecord(before.kind);
  if (next.email !== before.email) await assertEmailFree(tx, next.email, before.id);
  const fields = { name: next.name, email: next.email, phone: next.phone || null };
  const changes = diffFields(before, fields);
  const roles = next.roles && [...new Set([...next.roles, ...requiredRoles(before.kind)])].sort();
  const rolesChanged = !!roles && roles.join(", ") !== [...before.roles].sort().join(", ");
  if (!changes.length && !rolesChanged) return false;
  if (rolesChanged && before.kind === "contact") await assertRolesFitAccount(tx, before.accountId, roles);
  const saved = await tx.user.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (!saved.count) throw staleRecord(before.kind);
  // SET-4: links sent to the old address stop working (whoever reads that mailbox is not them).
  if (next.email !== before.email)
    await tx.passwordToken.updateMany({
      where: { userId: before.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { expiresAt: new Date() },
    });
  if (rolesChanged) {
    await tx.userRole.deleteMany({ where: { userId: before.id, role: { notIn: roles } } });
    await tx.userRole.createMany({
      data: roles.filter((r) => !before.roles.includes(r)).map((role) => ({ userId: before.id, role })),
    });
    changes.push({
      field: "roles",
      oldValue: [...before.roles].sort().join(", ") || null,
      newValue: roles.join(", ") || null,
    });
  }
  await writeAudit(tx, TABLE.user, before.id, changes, actor);
  return true;
}
