import "server-only";
import { db, transaction, type Tx, isUniqueViolation } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { conflict, forbidden, notFound, staleRecord } from "@/lib/domain/errors";
import { FIELD_MAPS, type FieldMapName } from "@/lib/domain/field-maps/catalog";
import { validateMapRow, type MapRowInput } from "@/lib/domain/field-maps/rules";
import {
  mapRowAddSchema,
  mapRowRemoveSchema,
  mapRowUpdateSchema,
  type MapRowAddInput,
  type MapRowRemoveInput,
  type MapRowUpdateInput,
} from "@/lib/domain/field-maps/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";

/** Audit history table of field map rows (ServiceNow's transform map entries). */
export const FIELD_MAP_TABLE = "sys_transform_entry";

function assertAdmin(actor: Actor) {
  // ROLE-4: only admin edits field maps.
  if (!canAdminister(actor)) throw forbidden("Only administrators can edit field maps.");
}

/** The active rows of a map, in order: what Create Proactive Cases and Create Work Order apply. */
export function loadFieldMap(tx: Tx, mapName: FieldMapName) {
  return tx.fieldMap.findMany({
    where: { mapName, active: true },
    orderBy: [{ order: "asc" }, { id: "asc" }],
  });
}

/** ADM-2: both maps with their rows. */
export async function listFieldMaps(actor: Actor) {
  assertAdmin(actor);
  const rows = await db().fieldMap.findMany({
    orderBy: [{ mapName: "asc" }, { order: "asc" }, { id: "asc" }],
  });
  return (Object.keys(FIELD_MAPS) as FieldMapName[]).map((name) => ({
    name,
    rows: rows.filter((r) => r.mapName === name),
  }));
}

const describeRow = (r: MapRowInput) =>
  r.sourceField !== null ? `${r.sourceField} → ${r.targetField}` : `"${r.constantValue}" → ${r.targetField}`;

const mappedTwice = (target: string) =>
  conflict(`Target field ${target} is already mapped in this map; edit that row instead.`, "targetField");

/** ADM-2: a new row, validated against the catalog (a bad row writes nothing). */
export async function addFieldMapRow(actor: Actor, raw: MapRowAddInput) {
  assertAdmin(actor);
  const { mapName, ...input } = parseOrThrow(mapRowAddSchema, raw);
  const row = validateMapRow(mapName, input);
  try {
    return await transaction(async (tx) => {
      const created = await tx.fieldMap.create({ data: { mapName, ...row, order: input.order } });
      await writeAudit(
        tx,
        FIELD_MAP_TABLE,
        created.id,
        [{ field: mapName, oldValue: null, newValue: describeRow(row) }],
        actor,
      );
      return { id: created.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw mappedTwice(row.targetField);
    throw e;
  }
}

async function requireRow(tx: Tx, id: number, version: number) {
  const current = await tx.fieldMap.findUnique({ where: { id } });
  if (!current) throw notFound("That field map row");
  if (current.version !== version) throw staleRecord("field map row");
  return current;
}

/** ADM-2, REC-6: a changed row; a stale version is refused. */
export async function updateFieldMapRow(actor: Actor, raw: MapRowUpdateInput) {
  assertAdmin(actor);
  const { id, ...input } = parseOrThrow(mapRowUpdateSchema, raw);
  // Two admins saving rows to the same target at once: the unique (map, target) key answers.
  try {
    return await transaction(async (tx) => {
      const current = await tx.fieldMap.findUnique({ where: { id } });
      if (!current) throw notFound("That field map row");
      const row = validateMapRow(current.mapName as FieldMapName, input);
      await requireRow(tx, id, input.version);
      const clash = await tx.fieldMap.findFirst({
        where: { mapName: current.mapName, targetField: row.targetField, id: { not: id } },
      });
      if (clash) throw mappedTwice(row.targetField);
      const { count } = await tx.fieldMap.updateMany({
        where: { id, version: input.version },
        data: { ...row, order: input.order, active: input.active, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("field map row");
      const before = { ...current, active: String(current.active), order: String(current.order) };
      const after = { ...row, active: String(input.active), order: String(input.order) };
      const changes = (["sourceField", "constantValue", "targetField", "order", "active"] as const)
        .filter((k) => (before[k] ?? null) !== (after[k] ?? null))
        .map((k) => ({ field: k, oldValue: before[k] ?? null, newValue: after[k] ?? null }));
      await writeAudit(tx, FIELD_MAP_TABLE, id, changes, actor);
      return { id, changed: changes.length > 0 };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw mappedTwice(input.targetField);
    throw e;
  }
}

/** ADM-2, REC-6: removes a row (stale version refused); the removal is audited. */
export async function removeFieldMapRow(actor: Actor, raw: MapRowRemoveInput) {
  assertAdmin(actor);
  const { id, version } = parseOrThrow(mapRowRemoveSchema, raw);
  return transaction(async (tx) => {
    const current = await requireRow(tx, id, version);
    const { count } = await tx.fieldMap.deleteMany({ where: { id, version } });
    if (count !== 1) throw staleRecord("field map row");
    await writeAudit(
      tx,
      FIELD_MAP_TABLE,
      id,
      [{ field: current.mapName, oldValue: describeRow(current), newValue: null }],
      actor,
    );
    return { id };
  });
}
