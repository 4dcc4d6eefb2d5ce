import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import { canWriteItsm, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { priorityOnChange } from "../priority/lookup";
import { applyVersionedPatch } from "../records/patch";
import { runSync } from "../sync/run";
import { activePlugins } from "../plugins/read";
import type { ItsmInput, ItsmRow, ItsmSpec } from "./specs";

/**
 * ITSM-5: while the plugin that provides problems and changes (or requests) is inactive, their
 * records take no changes — as the Table API answers them "not found" and the workspace offers no
 * form; the server refused nothing before.
 */
export async function assertItsmPlugin(spec: { plugin: string }, tx?: Tx) {
  if (!(await activePlugins(tx)).has(spec.plugin))
    throw forbidden(`The integration ${spec.plugin} is not active: its records cannot be changed.`);
}

export function assertCanWriteItsm(actor: Actor) {
  if (!canWriteItsm(actor))
    throw forbidden("Only ITIL fulfillers can change problems, changes and requests.");
}

/**
 * The problem, change and request forms: field edits and state moves along the record's own
 * lifecycle (REC-3), saved only from the current version (REC-6), audited (REC-5), and synced to
 * the work notes of every linked case in the same transaction (ITSM-3, SYNC-2).
 */
export async function updateItsmRecord<Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  actor: Actor,
  number: string,
  raw: Record<string, unknown>,
  outer?: Tx,
) {
  assertCanWriteItsm(actor);
  const input = parseOrThrow(spec.schema, raw);
  const { version, ...fields } = input;
  const stateFields: readonly string[] = spec.stateFields;
  return inTransaction(outer, async (tx) => {
    await assertItsmPlugin(spec, tx);
    const current = await spec.find(tx, number);
    if (!current) throw notFound(`${spec.title} ${number}`);
    if (spec.isFinal(current))
      throw invalid("state", `This ${spec.noun} is ${spec.stateLabel(current.state)} and cannot be changed.`);
    const patch: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => v !== undefined && !stateFields.includes(k)),
    );
    Object.assign(patch, spec.plan(current, input, new Date()));
    await recalculatePriority(tx, current, patch);
    const changes = await applyVersionedPatch(tx, {
      table: spec.table,
      noun: spec.noun,
      current,
      version,
      patch,
      actor,
      update: (where, data) => spec.update(tx, where, data),
    });
    if (changes.length) {
      await runSync(tx, {
        type: "update",
        record: { table: spec.table, id: current.id, number },
        version: version + 1,
        before: current,
        after: { ...current, ...patch },
      });
    }
    return { number, changed: changes.map((c) => c.field) };
  });
}

/**
 * INC-5 for problems and changes: a change of impact or urgency sets the priority from the Priority
 * Data Lookup, as on an incident. Their forms edit impact and urgency; the priority shown beside them
 * stayed what the record was made with ("Low" under High impact and urgency).
 */
async function recalculatePriority(tx: Tx, current: object, patch: Record<string, unknown>) {
  const row = current as Record<string, unknown>;
  if (!("priority" in row && "impact" in row && "urgency" in row)) return; // a request has none
  const priority = await priorityOnChange(
    tx,
    { impact: row.impact, urgency: row.urgency },
    Number(patch.impact ?? row.impact),
    Number(patch.urgency ?? row.urgency),
  );
  if (priority !== undefined) patch.priority = priority;
}
