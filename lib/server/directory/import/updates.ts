import "server-only";
// SET-3: an import's audit rows, and the records a file changes — set-based, each from its version.
import type { Prisma, Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import type { FieldChange } from "@/lib/domain/audit/diff";
import { serialKeyOf } from "@/lib/domain/directory/names";
import { conflict } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { insertAuditRows, type AuditRow } from "@/lib/server/tables/audit-entry";
import { updateVersionedJsonRows, type JsonColumn } from "@/lib/server/tables/sql";
import type { NewAccount } from "./plan-accounts";
import type { NewAsset } from "./plan-assets";
import type { NewPerson } from "./plan-people";
import type { Write } from "./types";

export type Author = Pick<Actor, "id" | "name">;
export type Audit = { recordId: number; changes: FieldChange[] };

/** REC-5: the audit rows of many records — 60,000 rows of 10,000 new contacts in one statement. */
export async function auditMany(tx: Tx, table: string, items: Audit[], author: Author) {
  const rows = items.flatMap((i) =>
    i.changes.map((c): AuditRow => [i.recordId, c.field, c.oldValue, c.newValue]),
  );
  await insertAuditRows(tx, table, rows, author, new Date());
}

/**
 * A record the file updates was changed by someone else while the import ran (after its plan read
 * it): nothing is written, and the refusal names the row — the generic "this record was changed
 * after you opened it" named none of a file's 10,000.
 */
const changedWhileImporting = (what: string, row: number) =>
  conflict(
    `Row ${row}: this ${what} was changed by someone else while the file was being imported. ` +
      "Nothing was imported — preview the file again, then import it.",
    "file",
  );

type Cell = string | number | boolean | null;
/**
 * How a kind's changed records are written: its table, the columns set (each read from the planned
 * record by its name, after `derive` adds what goes with it) and the changes audited.
 */
type UpdateSpec<T> = {
  model: Prisma.ModelName;
  audit: string;
  what: string;
  columns: Record<string, JsonColumn["type"]>;
  derive?: (data: Partial<T>) => Record<string, Cell>;
  /** The changes audited here (a user's Active is audited by its own write). */
  audited?: (field: string) => boolean;
};

/**
 * A file's changed records in one statement per 5,000 (updateVersionedJsonRows), each only from the
 * version its plan read, and their audit in one: one round trip per row (up to five with its audit
 * and roles) cost 14 s for 10,000 changed contacts. A record changed meanwhile refuses the import,
 * naming its row. Returns the records changed.
 */
export async function updateAll<T>(
  tx: Tx,
  spec: UpdateSpec<T>,
  writes: Write<T>[],
  author: Author,
  tick: () => void,
) {
  const changed = writes.flatMap((w) => (w.kind === "update" ? [w] : []));
  const names = Object.keys(spec.columns);
  const columns = names.map((name) => ({ name, type: spec.columns[name] }));
  const rows = changed.map((w) => {
    const record: Record<string, unknown> = { ...w.data, ...spec.derive?.(w.data) };
    return { id: w.id, version: w.version, values: names.map((n) => (record[n] ?? null) as Cell) };
  });
  const written = await updateVersionedJsonRows(tx, spec.model, columns, rows, new Date());
  const missed = changed.find((w) => !written.has(w.id));
  if (missed) throw changedWhileImporting(spec.what, missed.row);
  const keep = spec.audited ?? (() => true);
  const audit = changed.map((w) => ({ recordId: w.id, changes: w.changes.filter((c) => keep(c.field)) }));
  await auditMany(tx, spec.audit, audit, author);
  changed.forEach(tick);
  return changed;
}

// Each kind's changed row as planned: its plan writes every field of the record (plan-*.ts).
export const ACCOUNTS: UpdateSpec<NewAccount> = {
  model: "Account",
  audit: TABLE.account,
  what: "account",
  columns: { name: "text", nameKey: "text", isCustomer: "bool", isPartner: "bool", active: "bool" },
};
/** Assets whose serial number and account stay: their key stays too (an older twin's may be none). */
export const ASSETS: UpdateSpec<NewAsset> = {
  model: "Asset",
  audit: TABLE.asset,
  what: "asset",
  columns: { name: "text", serialNumber: "text", accountId: "int" },
};
/**
 * Assets given another serial number or account: the key goes with them (as on the page). Only
 * these: rewritten on a rename, the key of an older twin left keyless by the migration (two assets
 * of one account sharing a serial) became its sibling's, and the unique key failed the whole import.
 */
export const REKEYED_ASSETS: UpdateSpec<NewAsset> = {
  ...ASSETS,
  columns: { ...ASSETS.columns, serialKey: "text" },
  derive: (a) => ({ serialKey: serialKeyOf(a.serialNumber ?? null) }),
};
export const PEOPLE: UpdateSpec<NewPerson> = {
  model: "User",
  audit: TABLE.user,
  what: "user",
  columns: { name: "text", phone: "text", accountId: "int" },
  audited: (field) => field !== "active",
};
