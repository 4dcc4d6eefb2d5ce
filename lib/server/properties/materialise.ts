import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { LISTED_PROPERTIES, type PropertyDef } from "@/lib/domain/properties/catalog";

/** The names of the properties the product acts on (ADM-1): the only ones an admin sees. */
export const LISTED_NAMES: readonly string[] = LISTED_PROPERTIES.map((p) => p.name);

/** A property's row as first saved: its catalog description, holding `value`. */
export const propertyRow = (def: PropertyDef, value: string) => ({
  name: def.name,
  type: def.type,
  value,
  defaultValue: def.defaultValue,
  description: def.description,
  choices: def.choices?.join(",") ?? null,
});

/**
 * Gives every listed property a row, so a reader that lists rows (the Table API's sys_properties)
 * sees the never-saved ones too: the default value at version 0 — what updateProperty already
 * treats a missing row as, so a client's sys_mod_count 0 still saves (REC-6). Idempotent; a
 * concurrent reader creating the same row first is not an error (each row is its own insert).
 */
export async function materialiseListedProperties() {
  const have = new Set(
    (
      await db().systemProperty.findMany({
        where: { name: { in: [...LISTED_NAMES] } },
        select: { name: true },
      })
    ).map((r) => r.name),
  );
  for (const def of LISTED_PROPERTIES.filter((p) => !have.has(p.name))) {
    try {
      await db().systemProperty.create({
        data: { ...propertyRow(def, def.defaultValue), version: 0 },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
}
