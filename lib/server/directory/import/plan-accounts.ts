import "server-only";
import { diffFields } from "@/lib/domain/audit/diff";
import { FIELD_LABELS } from "@/lib/domain/audit/labels";
import type { AccountRow } from "@/lib/domain/directory/import/rows";
import { accountNameKey } from "@/lib/domain/directory/names";
import { accountSelect } from "../access";
import { kindChangeRefusal } from "../account-kind";
import { findAccounts } from "./accounts-named";
import {
  changeLines,
  firstOfEach,
  type LockAccounts,
  type Plan,
  type PlannedRow,
  type Reader,
  type Write,
} from "./types";

export type NewAccount = {
  name: string;
  nameKey: string;
  isCustomer: boolean;
  isPartner: boolean;
  active: boolean;
};
type Existing = NewAccount & { id: number; number: string; version: number };
type Row = { row: number; value: AccountRow };

const select = accountSelect;

/**
 * The accounts the rows name, by number and by name, in a few statements — locked first when `lock`
 * is given (Import) and read again under it: a partner relationship or a partner role given to an
 * account meanwhile (each under that account's lock) is seen by the Partner check below. Read
 * unlocked, a file unticking Partner was planned on the old state and saved over it (the version does
 * not move with a relationship): a customer-only account was left on a partner's side (PostgreSQL).
 */
async function existing(client: Reader, rows: Row[], lock?: LockAccounts) {
  const numbers = [...new Set(rows.flatMap((r) => (r.value.number ? [r.value.number] : [])))];
  const keys = [...new Set(rows.map((r) => accountNameKey(r.value.name)))];
  const found = await findAccounts<Existing>(client, { numbers, keys }, select, lock);
  return {
    byNumber: new Map(found.map((a) => [a.number, a])),
    byKey: new Map(found.map((a) => [a.nameKey, a])),
  };
}

const refuse = (row: number, label: string, column: string, message: string): PlannedRow => ({
  row,
  outcome: "error",
  label,
  errors: [{ column, message }],
});

/**
 * SET-3 accounts: a row with a Number updates that account (an unknown number is an error); without
 * one it is matched by name (any letter case or spacing) — found, it is updated, else created. A name
 * belongs to one account: a rename onto another account's name is an error, as is a row repeating an
 * earlier row's name or number. New accounts are customers unless the file says otherwise.
 */
export async function planAccounts(
  client: Reader,
  rows: Row[],
  columns: Record<string, string>,
  lock?: LockAccounts,
): Promise<Plan<NewAccount>> {
  const byNumber = firstOfEach(
    rows,
    (r) => r.value.number || null,
    columns.number ?? "Number",
    "number",
    (r) => r.value.name,
  );
  const unique = firstOfEach(
    byNumber.kept,
    (r) => accountNameKey(r.value.name),
    columns.name,
    "account name",
    (r) => r.value.name,
  );
  const found = await existing(client, unique.kept, lock);
  const out: PlannedRow[] = [...byNumber.refused, ...unique.refused];
  const writes: Write<NewAccount>[] = [];
  const claimed = new Map<number, number>(); // account id → the row that names it
  for (const { row, value: v } of unique.kept) {
    const nameKey = accountNameKey(v.name);
    const target = v.number ? found.byNumber.get(v.number) : found.byKey.get(nameKey);
    if (v.number && !target) {
      out.push(
        refuse(
          row,
          v.name,
          columns.number,
          `No account has the number ${v.number}; leave Number empty to create one.`,
        ),
      );
      continue;
    }
    if (target && claimed.has(target.id)) {
      const message = `Row ${claimed.get(target.id)} already names this account (${target.number}).`;
      out.push(refuse(row, v.name, columns.number ?? columns.name, message));
      continue;
    }
    if (target) claimed.set(target.id, row);
    const holder = found.byKey.get(nameKey);
    if (target && holder && holder.id !== target.id) {
      out.push(
        refuse(row, v.name, columns.name, `Another account (${holder.number}) is named “${holder.name}”.`),
      );
      continue;
    }
    const next = {
      name: v.name,
      isCustomer: v.customer ?? target?.isCustomer ?? true,
      isPartner: v.partner ?? target?.isPartner ?? false,
      active: v.active ?? target?.active ?? true,
    };
    if (!next.isCustomer && !next.isPartner) {
      out.push(
        refuse(row, v.name, columns.customer ?? "Customer", "An account is a customer, a partner or both."),
      );
      continue;
    }
    if (!target) {
      out.push({ row, outcome: "create", label: v.name });
      writes.push({ row, kind: "create", data: { ...next, nameKey } });
      continue;
    }
    const changes = diffFields(target, next);
    if (!changes.length) {
      out.push({ row, outcome: "unchanged", label: `${v.name} (${target.number})` });
      continue;
    }
    // SET-2 / ROLE-3: unticking Partner (or Customer) only once nothing of that side is left, as on
    // the page: a file saying partner=false left a partner admin seeing the customers' cases.
    const refusal = await kindChangeRefusal(client, target, next);
    if (refusal) {
      const column = columns[refusal.field === "isPartner" ? "partner" : "customer"] ?? columns.name;
      out.push(refuse(row, v.name, column, refusal.message));
      continue;
    }
    out.push({
      row,
      outcome: "update",
      label: `${v.name} (${target.number})`,
      changes: changeLines(changes, (f) => FIELD_LABELS[f] ?? f),
    });
    writes.push({
      row,
      kind: "update",
      id: target.id,
      version: target.version,
      changes,
      data: { ...next, nameKey },
    });
  }
  return { rows: out, writes };
}
