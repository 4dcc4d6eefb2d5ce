import "server-only";
import { transaction } from "@/lib/db";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { DomainError, forbidden, invalid } from "@/lib/domain/errors";
import { readBody, type BodyInput } from "@/lib/domain/api/body";
import { flag, readParams } from "@/lib/domain/api/params";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { fieldOf, type ApiTable, type ApiTableName, type RefTableName } from "@/lib/domain/api/table";
import { apiTable } from "@/lib/domain/api/tables";
import { staleRecord } from "@/lib/domain/errors";
import { readAccess, type Where } from "./access";
import { delegate, MODEL, REF_TARGET } from "./models";
import { findReadable, getRecord, rereadReadable } from "./read";
import { caseWriter } from "./writers/case";
import { accountWriter, assetWriter, consumerWriter, contactWriter } from "./writers/directory";
import { incidentWriter } from "./writers/incident";
import { changeWriter, problemWriter, requestWriter } from "./writers/itsm";
import { propertyWriter } from "./writers/property";
import { workOrderTaskWriter, workOrderWriter } from "./writers/work-order";
import type { Writer, Writes } from "./writers/types";
import { failure } from "./respond";

const WRITERS: Partial<Record<ApiTableName, Writer>> = {
  sn_customerservice_case: caseWriter,
  incident: incidentWriter,
  problem: problemWriter,
  change_request: changeWriter,
  sc_request: requestWriter,
  wm_order: workOrderWriter,
  wm_task: workOrderTaskWriter,
  customer_account: accountWriter,
  customer_contact: contactWriter,
  csm_consumer: consumerWriter,
  alm_asset: assetWriter,
  sys_properties: propertyWriter,
};

/**
 * API-5: references given by display value (sysparm_input_display_value=true) — one record must
 * carry that display value, among those the actor may read (an external user cannot name an
 * account outside their scope).
 */
async function resolvePending(actor: Actor, body: BodyInput) {
  for (const p of body.pending) {
    const ref = p.field.ref!;
    const target = REF_TARGET[ref];
    const found = await delegate(target.model).findMany({
      where: { AND: [await readableRefs(actor, ref), { [target.display]: p.display }] },
      select: { id: true },
      take: 2,
    });
    if (found.length !== 1)
      throw invalid(
        p.name,
        found.length
          ? `${p.name}: more than one ${p.field.ref} is named "${p.display}"; give its sys_id.`
          : `${p.name}: no ${p.field.ref} record has the sys_id or display value "${p.display}".`,
      );
    body.input[p.field.input!] = Number(found[0].id);
  }
}

/**
 * ROLE-3, REL-7: the records a display value may name — those the actor may read (a table they
 * may not read names nothing), so a name outside their scope answers like one that does not
 * exist (an external user's assets are their account's).
 */
async function readableRefs(actor: Actor, ref: RefTableName): Promise<Where> {
  try {
    const access = await readAccess(actor, ref);
    return { AND: [MODEL[ref].base ?? {}, access.where] };
  } catch (e) {
    if (e instanceof DomainError) return { id: -1 };
    throw e;
  }
}

/**
 * The writer of `table` for this actor and verb; external users write only what the table's
 * `external` hook takes (the portal's services), and naming any other field is a 403 naming it.
 */
function writerOf<K extends keyof Writes>(actor: Actor, table: ApiTable, kind: K, raw: unknown): Writes[K] {
  const writer = WRITERS[table.name];
  const verb = `${kind}d`;
  if (!isExternal(actor)) {
    const own: Partial<Writes> | undefined = writer;
    const write = own?.[kind];
    if (!write)
      throw forbidden(
        `Records of table ${table.name} cannot be ${verb} through the API.` +
          (kind === "create" && writer?.noCreate ? ` ${writer.noCreate}` : ""),
      );
    // A role that may not write the table is a 403 before its body is read (SET-5: the directory).
    writer?.guard?.(actor);
    return write;
  }
  const hook = writer?.external?.[kind];
  if (!hook) throw forbidden(`External users cannot ${kind} records of table ${table.name}.`);
  const names = raw && typeof raw === "object" ? Object.keys(raw) : [];
  const denied = names.find((n) => fieldOf(table, n)?.input && !hook.fields.includes(n));
  if (denied)
    throw forbidden(`Field "${denied}" of table ${table.name} cannot be written by external users.`);
  return hook.write;
}

/**
 * REL-1, API-3: a refusal names the field as the client wrote it — the services name their own
 * input keys (`shortDescription`, `onHoldReason`; the portal's `reply` and Request Info's `question`,
 * which the API sends as `comments`).
 */
const JOURNAL_KEYS = new Map([
  ["reply", "comments"],
  ["question", "comments"],
]);
const inApiNames =
  (table: ApiTable) =>
  (e: unknown): never => {
    if (!(e instanceof DomainError) || !e.field) throw e;
    const apiName = (key: string) =>
      JOURNAL_KEYS.get(key) ?? Object.keys(table.fields).find((n) => table.fields[n].input === key) ?? key;
    const fields = e.fields && Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [apiName(k), v]));
    throw new DomainError(e.kind, e.message, apiName(e.field), fields);
  };

/**
 * REC-6: a write without sys_mod_count starts from the current version, as ServiceNow writes (last
 * write wins) — so one that lost a race to another write is simply tried again from the row as it
 * is then, rather than answered 409 for a version the client never named. Each round of a race has
 * a winner, so N writers at once need at most N tries. Why not lock the row first: the services
 * lock in their own order (a work order before its task), and a lock taken ahead of theirs could
 * deadlock with a workspace change.
 */
const TRIES_WITHOUT_VERSION = 8;
const pause = () => new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
const isStale = (e: unknown) => e instanceof DomainError && e.kind === "conflict" && e.field === "version";

/** API-2: POST /api/now/table/<table> — answers the record as created (201). */
export async function createRecord(
  actor: Actor,
  tableName: string,
  raw: unknown,
  search: URLSearchParams,
  linkBase: string,
) {
  const table = apiTable(tableName);
  const access = await readAccess(actor, table.name);
  const create = writerOf(actor, table, "create", raw);
  // REL-1: the answer's parameters are checked before anything is written — a 400 for a write that
  // was saved would make a client retry it.
  readParams(table, search, access.field);
  const body = readBody(table, raw, flag(search, "sysparm_input_display_value"), access.field);
  await resolvePending(actor, body);
  const opts = { confirmChildren: flag(search, "sysparm_confirm_children") };
  const created = await transaction((tx) => create(actor, body.input, tx, opts)).catch(inApiNames(table));
  const sysId = typeof created.id === "number" ? sysIdOf(table.name, created.id) : created.id;
  return getRecord(actor, table.name, sysId, search, linkBase);
}

/** API-2: PATCH or PUT /api/now/table/<table>/<sys_id> — answers the record as saved. */
export async function updateRecord(
  actor: Actor,
  tableName: string,
  sysId: string,
  raw: unknown,
  search: URLSearchParams,
  linkBase: string,
) {
  const table = apiTable(tableName);
  const access = await readAccess(actor, table.name);
  const row = await findReadable(actor, table, sysId, access.where);
  const update = writerOf(actor, table, "update", raw);
  readParams(table, search, access.field); // checked before the write, as on create
  const body = readBody(table, raw, flag(search, "sysparm_input_display_value"), access.field);
  const opts = { confirmChildren: flag(search, "sysparm_confirm_children") };
  await resolvePending(actor, body);
  const write = () =>
    transaction(async (tx) => {
      // REC-6: the row and its version the write starts from, read in its own transaction (the
      // writers compare the input with this row: read before it, a concurrent change was missed and
      // a PATCH answered 200 without doing what it asked) — a client's sys_mod_count must match it.
      const current = await rereadReadable(table, sysId, row, access.where, tx);
      const version = Number(current.version ?? 1);
      if (body.version !== undefined && body.version !== version) throw staleRecord(table.name);
      await update(actor, current, body.input, body.version ?? version, tx, opts);
    });
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      break;
    } catch (e) {
      if (body.version === undefined && isStale(e) && attempt < TRIES_WITHOUT_VERSION) {
        await pause(); // the racers apart
        continue;
      }
      inApiNames(table)(e);
    }
  }
  return getRecord(actor, table.name, sysId, search, linkBase);
}

/**
 * API-2: DELETE — the UI removes no record (journal entries are append-only, JRN-1; records are
 * cancelled or closed, never deleted), so the API answers 405 once the record is known readable.
 */
export async function deleteRecord(actor: Actor, tableName: string, sysId: string | undefined) {
  const table = apiTable(tableName);
  if (sysId) await findReadable(actor, table, sysId);
  else await readAccess(actor, table.name);
  return failure(405, `Records of table ${table.name} cannot be deleted; cancel or close them instead.`);
}
