import "server-only";
import { db, inTransaction, type Tx } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, staleRecord } from "@/lib/domain/errors";
import { LISTED_PROPERTIES } from "@/lib/domain/properties/catalog";
import { propertySaveSchema, type PropertySaveInput } from "@/lib/domain/properties/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { validatePropertyValue } from "@/lib/domain/properties/values";
import { writeAudit } from "../audit/write";
import { propertyRow } from "./materialise";

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can view and change system properties.");
}

/** ADM-1: every property the product acts on (listed), with its current value. */
export async function listProperties(actor: Actor) {
  assertAdmin(actor);
  const rows = await db().systemProperty.findMany();
  return LISTED_PROPERTIES.map((def) => {
    const row = rows.find((r) => r.name === def.name);
    return {
      ...def,
      value: row?.value ?? def.defaultValue,
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

/**
 * ADM-1: type-checked change; `version` 0 means "never saved" (REC-6 applies here too). The input
 * — the properties page's form or the Table API's PATCH — is parsed here
 * (lib/domain/properties/schemas.ts), then checked against the property's type.
 */
export async function updateProperty(actor: Actor, input: PropertySaveInput, outer?: Tx) {
  assertAdmin(actor);
  const { name, value: raw, version } = parseOrThrow(propertySaveSchema, input);
  // ADM-1: an unlisted property (nothing acts on it yet) is not there for the admin.
  const def = LISTED_PROPERTIES.find((p) => p.name === name);
  if (!def) throw invalid("name", `There is no system property named "${name}".`);
  const value = validatePropertyValue(name, raw);
  return inTransaction(outer, async (tx) => {
    const row = await tx.systemProperty.findUnique({ where: { name } });
    if ((row?.version ?? 0) !== version) throw staleRecord("property");
    const old = row?.value ?? def.defaultValue;
    if (old === value) return { name, value, changed: false };
    if (row) {
      const { count } = await tx.systemProperty.updateMany({
        where: { name, version },
        data: { value, updatedById: actor.id, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("property");
    } else {
      await tx.systemProperty.create({
        data: { ...propertyRow(def, value), updatedById: actor.id },
      });
    }
    await writeAudit(tx, "sys_properties", 0, [{ field: name, oldValue: old, newValue: value }], actor);
    return { name, value, changed: true };
  });
}
