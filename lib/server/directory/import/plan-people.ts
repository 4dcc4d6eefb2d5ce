import "server-only";
import { diffFields } from "@/lib/domain/audit/diff";
import { FIELD_LABELS } from "@/lib/domain/audit/labels";
import { requiredRoles } from "@/lib/domain/auth/user-admin";
import type { ContactRow, ConsumerRow } from "@/lib/domain/directory/import/rows";
import { defaultPortalRoles, portalRoleRefusal } from "@/lib/domain/directory/schemas";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";
import { accountsNamed } from "./accounts-named";
import {
  changeLines,
  firstOfEach,
  type LockAccounts,
  type Plan,
  type PlannedRow,
  type Reader,
  type Write,
} from "./types";

export type NewPerson = {
  kind: "contact" | "consumer";
  email: string;
  name: string;
  phone: string | null;
  accountId: number | null;
  active: boolean;
  /** Sorted, snc_external included. */
  roles: string;
};
type Row = { row: number; value: ContactRow | ConsumerRow };
async function peopleByEmail(client: Reader, emails: string[]) {
  const found = new Map<
    string,
    {
      id: number;
      kind: string;
      name: string;
      phone: string | null;
      accountId: number | null;
      accountName: string | null;
      active: boolean;
      version: number;
      roles: string;
    }
  >();
  await inGroups(emails, IN_LIST_MAX, async (g) => {
    const users = await client.user.findMany({
      where: { email: { in: g } },
      select: {
        id: true,
        email: true,
        kind: true,
        name: true,
        phone: true,
        accountId: true,
        active: true,
        version: true,
        roles: { select: { role: true } },
        account: { select: { name: true } },
      },
    });
    for (const { email, roles, account, ...u } of users)
      found.set(email, {
        ...u,
        accountName: account?.name ?? null,
        roles: roles
          .map((r) => r.role)
          .sort()
          .join(", "),
      });
  });
  return found;
}

const refuse = (row: number, label: string, column: string, message: string): PlannedRow => ({
  row,
  outcome: "error",
  label,
  errors: [{ column, message }],
});

/**
 * SET-3 contacts and consumers, matched by email. A contact's Account cell names an active account by
 * number or name — their own, for an existing contact (a contact never moves between accounts); an
 * email that belongs to another kind of user is an error. New contacts get the
 * account's default portal role unless the file gives roles; a row without a Phone, Portal roles or
 * Active column leaves those as they are.
 */
export async function planPeople(
  client: Reader,
  kind: "contact" | "consumer",
  rows: Row[],
  columns: Record<string, string>,
  lock?: LockAccounts,
): Promise<Plan<NewPerson>> {
  const unique = firstOfEach(
    rows,
    (r) => r.value.email,
    columns.email,
    "email",
    (r) => r.value.email,
  );
  const accountOf =
    kind === "contact"
      ? await accountsNamed(
          client,
          [...new Set(unique.kept.map((r) => (r.value as ContactRow).account))],
          lock,
        )
      : null;
  const people = await peopleByEmail(
    client,
    unique.kept.map((r) => r.value.email),
  );
  const out: PlannedRow[] = [...unique.refused];
  const writes: Write<NewPerson>[] = [];
  for (const { row, value: v } of unique.kept) {
    const c = v as ContactRow;
    const account = accountOf ? accountOf(c.account) : null;
    if (accountOf && !account) {
      out.push(refuse(row, v.email, columns.account, `No account is numbered or named “${c.account}”.`));
      continue;
    }
    if (account && !account.active) {
      out.push(refuse(row, v.email, columns.account, `${account.name} is deactivated; reactivate it first.`));
      continue;
    }
    const current = people.get(v.email);
    if (current && current.kind !== kind) {
      out.push(
        refuse(
          row,
          v.email,
          columns.email,
          `${v.email} belongs to ${current.kind === "internal" ? "an internal user" : `a ${current.kind}`}.`,
        ),
      );
      continue;
    }
    // A contact stays with their account, as on the pages and in the Table API: moving one would
    // widen what they see in the portal (ROLE-3) with their old roles and sessions.
    if (current && account && current.accountId !== account.id) {
      const where = current.accountName ?? "another account";
      const message = `${v.email} is a contact of ${where}; a contact stays with their account.`;
      out.push(refuse(row, v.email, columns.account, message));
      continue;
    }
    // SET-2 / ROLE-3: the roles a file gives fit the account (partner roles on a partner account…).
    const misfit = kind === "contact" && c.roles && account ? portalRoleRefusal(c.roles, account) : null;
    if (misfit) {
      out.push(refuse(row, v.email, columns.roles, misfit));
      continue;
    }
    // A consumers file has no Portal roles column: a consumer's roles stay as they are (an admin who
    // took `consumer` away to cut portal access had it given back by a file refreshing phones).
    const roles =
      kind === "consumer"
        ? (current?.roles ?? "consumer, snc_external")
        : c.roles
          ? [...new Set([...c.roles, ...requiredRoles("contact")])].sort().join(", ")
          : (current?.roles ??
            [...defaultPortalRoles(account!), ...requiredRoles("contact")].sort().join(", "));
    const next = {
      name: v.name,
      phone: v.phone === undefined ? (current?.phone ?? null) : v.phone || null,
      accountId: account?.id ?? null,
      active: v.active ?? current?.active ?? true,
      roles,
    };
    if (!current) {
      out.push({ row, outcome: "create", label: v.email });
      writes.push({ row, kind: "create", data: { kind, email: v.email, ...next } });
      continue;
    }
    const changes = diffFields(current, next);
    // The preview names accounts, the audit their ids (as the forms' history does).
    const shown = changes.map((ch) =>
      ch.field === "accountId"
        ? { ...ch, oldValue: current.accountName, newValue: account?.name ?? null }
        : ch,
    );
    out.push(
      changes.length
        ? { row, outcome: "update", label: v.email, changes: changeLines(shown, (f) => FIELD_LABELS[f] ?? f) }
        : { row, outcome: "unchanged", label: v.email },
    );
    if (changes.length)
      writes.push({ row, kind: "update", id: current.id, version: current.version, changes, data: next });
  }
  return { rows: out, writes };
}
