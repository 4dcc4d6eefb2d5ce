import "server-only";
import { dialect, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid, notFound } from "@/lib/domain/errors";
import { compileQuery } from "@/lib/domain/api/compile-query";
import { parseEncodedQuery, type EncodedQuery } from "@/lib/domain/api/encoded-query";
import { readParams, type ReadParams } from "@/lib/domain/api/params";
import { serializeRecord, text } from "@/lib/domain/api/serialize";
import { idOfSysId, propertyNameOfSysId, sysIdOf, sysIdOfName } from "@/lib/domain/api/sys-id";
import { fieldOf, requiredColumns, type ApiTable } from "@/lib/domain/api/table";
import { apiTable } from "@/lib/domain/api/tables";
import { TABLE } from "@/lib/domain/records/tables";
import { readAccess, type Where } from "./access";
import { loadPortalRoles, loadRefDisplay, loadSysBy } from "./extras";
import { materialiseListedProperties } from "../properties/materialise";
import { delegate, MODEL } from "./models";

type Row = Record<string, unknown>;
/** Where a table's records are audited when not under its own name (contacts and consumers are users). */
const AUDIT_TABLE: Partial<Record<string, string>> = {
  customer_contact: TABLE.user,
  csm_consumer: TABLE.user,
};
const rowSysId = (table: ApiTable, row: Row) =>
  table.name === "sys_properties"
    ? sysIdOfName(table.name, String(row.name))
    : sysIdOf(table.name, Number(row.id));

/** The rows as the API answers them, with display values and who made and changed them. */
async function present(table: ApiTable, rows: Row[], p: ReadParams, linkBase: string) {
  const refDisplay = p.mode === "false" ? new Map() : await loadRefDisplay(table, rows, p.fields);
  // Journal entries carry their author; every other table's "by" comes from its audit rows.
  const wantsBy = p.fields.includes("sys_created_by") || p.fields.includes("sys_updated_by");
  const audited = !["sys_properties", "sys_journal_field"].includes(table.name);
  const ids = rows.map((r) => Number(r.id));
  const by = wantsBy && audited ? await loadSysBy(AUDIT_TABLE[table.name] ?? table.name, ids) : null;
  // SET-5: a contact's portal roles, one statement for the page.
  const roles =
    table.name === "customer_contact" && p.fields.includes("roles") ? await loadPortalRoles(ids) : null;
  const own = (name: string, row: Row) => {
    const column = fieldOf(table, name)?.column;
    return column && row[column] !== undefined && row[column] !== null ? text(row[column]) : undefined;
  };
  return rows.map((row) => {
    const who = by?.get(Number(row.id));
    const created = own("sys_created_by", row) ?? who?.created ?? "system";
    const updated = own("sys_updated_by", row) ?? who?.updated ?? created;
    const computed: Record<string, string> = { sys_created_by: created, sys_updated_by: updated };
    if (roles) computed.roles = roles.get(Number(row.id)) ?? "";
    return serializeRecord(table, row, p.fields, {
      mode: p.mode,
      refDisplay,
      computed,
      linkBase: p.excludeReferenceLink ? null : linkBase,
      sysId: rowSysId(table, row),
    });
  });
}

/**
 * PERF-6: only the columns the answer needs (the requested fields', the key and what the
 * "by" fields and journal sys_ids are made from): a list of 100 wide rows costs a third as much.
 */
function columnsOf(table: ApiTable, fields: readonly string[]): Record<string, true> {
  const select: Record<string, true> = { [table.name === "sys_properties" ? "name" : "id"]: true };
  if (table.name === "sys_journal_field") Object.assign(select, { table: true, authorName: true });
  for (const name of fields) {
    const f = fieldOf(table, name);
    if (f && !f.computed) select[f.column] = true;
  }
  return select;
}

/** A field the actor may not read cannot be filtered or sorted on either: it is unknown to them. */
function assertQueryable(table: ApiTable, q: EncodedQuery, readable: (f: string) => boolean) {
  const used = [...q.where.flat().map((c) => c.field), ...q.orderBy.map((o) => o.field)];
  const hidden = used.find((f) => fieldOf(table, f) && !readable(f));
  if (hidden)
    throw invalid("sysparm_query", `Unknown field "${hidden}" in sysparm_query for table ${table.name}.`);
}

/** The table's rows the actor may read: their scope, the table's base rows and the query. */
function scoped(name: keyof typeof MODEL, access: Where, query: Where): Where {
  return { AND: [MODEL[name].base ?? {}, access, query] };
}

/** API-1: GET /api/now/table/<table> — one page of records and the total that match. */
export async function listRecords(
  actor: Actor,
  tableName: string,
  search: URLSearchParams,
  linkBase: string,
) {
  const table = apiTable(tableName);
  const access = await readAccess(actor, table.name);
  // ADM-1: never-saved properties are listed too, with their default value.
  if (table.name === "sys_properties") await materialiseListedProperties();
  const p = readParams(table, search, access.field);
  const q = parseEncodedQuery(p.query);
  assertQueryable(table, q, access.field);
  const compiled = compileQuery(table, q, {
    insensitive: dialect() === "postgresql",
    required: requiredColumns(table),
  });
  const where = scoped(table.name, access.where, compiled.where);
  const model = delegate(MODEL[table.name].model);
  // Side by side: on PostgreSQL the page and the count run on two pooled connections (PERF-6).
  const [rows, total] = await Promise.all([
    model.findMany({
      where,
      orderBy: compiled.orderBy,
      take: p.limit,
      skip: p.offset,
      select: columnsOf(table, p.fields),
    }),
    model.count({ where }),
  ]);
  return { result: await present(table, rows, p, linkBase), total, limit: p.limit, offset: p.offset };
}

/** The row a sys_id names, if the actor may read it; anything else is "not found" (ROLE-3, POR-4). */
export async function findReadable(actor: Actor, table: ApiTable, sysId: string, access?: Where) {
  const where = access ?? (await readAccess(actor, table.name)).where;
  const id = table.name === "sys_properties" ? null : idOfSysId(table.name, sysId);
  const key: Where | null =
    table.name === "sys_properties" ? await propertyKey(sysId) : id === null ? null : { id };
  return readableRow(table, sysId, where, key);
}

/**
 * The row found by findReadable (`row`, named by `sysId`) as it is now, in the write's transaction
 * (REC-6): still readable by the same clause, or "not found".
 */
export const rereadReadable = (
  table: ApiTable,
  sysId: string,
  row: Record<string, unknown>,
  where: Where,
  tx: Tx,
) =>
  readableRow(table, sysId, where, table.name === "sys_properties" ? { name: row.name } : { id: row.id }, tx);

async function readableRow(table: ApiTable, sysId: string, where: Where, key: Where | null, tx?: Tx) {
  const row = key
    ? await delegate(MODEL[table.name].model, tx).findFirst({ where: scoped(table.name, where, key) })
    : null;
  if (!row) throw notFound(`Record ${sysId} of table ${table.name}`);
  return row;
}

/** sys_properties are keyed by name; a few dozen are listed, so the digest is matched in memory. */
async function propertyKey(sysId: string): Promise<Where | null> {
  await materialiseListedProperties();
  const hit = propertyNameOfSysId(sysId);
  return hit ? { name: hit } : null;
}

/** API-1: GET /api/now/table/<table>/<sys_id>. */
export async function getRecord(
  actor: Actor,
  tableName: string,
  sysId: string,
  search: URLSearchParams,
  linkBase: string,
) {
  const table = apiTable(tableName);
  const access = await readAccess(actor, table.name);
  const p = readParams(table, search, access.field);
  const row = await findReadable(actor, table, sysId, access.where);
  const [record] = await present(table, [row], p, linkBase);
  return record;
}
