// API-1: every record's sys_id — 32 lowercase hex characters, stable for the record's life.
//
// Hand-written on purpose: a sys_id is the record's table and numeric id sealed in one AES block
// under a fixed key, so it needs no extra column, index or backfill on any table, a GET by sys_id
// is a primary-key lookup, and a sys_id of another table (or a made-up one) fails the table check
// and answers "not found". The key is not a secret — sys_ids are opaque names, not credentials;
// access is decided by roles and ROLE-3 scope on every read — and must never change, or every
// sys_id a client stored would stop resolving.
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { LISTED_PROPERTIES } from "@/lib/domain/properties/catalog";

const KEY = createHash("sha256").update("caseflow sys_id v1").digest().subarray(0, 16);
const MAGIC = 0xcf;
const SYS_ID = /^[0-9a-f]{32}$/;

/** One byte per table; never renumber (stored sys_ids depend on it). */
const TAG: Record<string, number> = {
  sn_customerservice_case: 1,
  incident: 2,
  problem: 3,
  change_request: 4,
  sc_request: 5,
  wm_order: 6,
  wm_task: 7,
  customer_account: 8,
  sys_user: 9,
  sys_journal_field: 10,
  sys_properties: 11,
  alm_asset: 12,
  sys_user_group: 13,
};

/** Contacts and consumers are users: their sys_ids are their sys_user ones. */
const USER_TABLES: ReadonlySet<string> = new Set(["customer_contact", "csm_consumer"]);

function tagOf(table: string): number {
  const tag = TAG[USER_TABLES.has(table) ? "sys_user" : table];
  if (!tag) throw new Error(`No sys_id tag for table ${table}`);
  return tag;
}

function aes(block: Buffer, decrypt: boolean): Buffer {
  const c = decrypt ? createDecipheriv("aes-128-ecb", KEY, null) : createCipheriv("aes-128-ecb", KEY, null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(block), c.final()]);
}

/** The sys_id of record `id` of `table` (customer_contact and csm_consumer share sys_user's). */
export function sysIdOf(table: string, id: number): string {
  const block = Buffer.alloc(16);
  block[0] = MAGIC;
  block[1] = tagOf(table);
  block.writeBigUInt64BE(BigInt(id), 8);
  return aes(block, false).toString("hex");
}

/** The numeric id a sys_id names in `table`, or null when it is not one of that table's sys_ids. */
const MAX_RECORD_ID = 2n ** 31n - 1n;

export function idOfSysId(table: string, sysId: string): number | null {
  if (!SYS_ID.test(sysId)) return null;
  const block = aes(Buffer.from(sysId, "hex"), true);
  if (block[0] !== MAGIC || block[1] !== tagOf(table) || block.readUIntBE(2, 6) !== 0) return null;
  const id = block.readBigUInt64BE(8);
  // Record ids are 32-bit integer columns: a crafted sys_id of a larger id names no record (it
  // would overflow PostgreSQL's integer parameter, a 500, instead of a 404).
  return id > 0n && id <= MAX_RECORD_ID ? Number(id) : null;
}

/** sys_properties are keyed by name: their sys_id is the name's digest (the table is small). */
export const sysIdOfName = (table: string, name: string) =>
  createHash("md5").update(`${table}:${name}`).digest("hex");

/** The listed property a sys_id names, or null: a property's sys_id is its name's digest. */
export function propertyNameOfSysId(sysId: string): string | null {
  return LISTED_PROPERTIES.find((p) => sysIdOfName("sys_properties", p.name) === sysId)?.name ?? null;
}

/** The table and id a sys_id of any integer-keyed table names, or null (the journal's element_id). */
export function recordOfSysId(sysId: string): { table: string; id: number } | null {
  for (const table of Object.keys(TAG)) {
    const id = idOfSysId(table, sysId);
    if (id !== null) return { table, id };
  }
  return null;
}
