import "server-only";
import type { Tx } from "@/lib/db";
import { propertyDef } from "@/lib/domain/properties/catalog";
import { readBoolean, readInteger, readList } from "@/lib/domain/properties/values";
import { storedValue } from "@/lib/server/tables/system-property";

/**
 * A property's stored value (lib/server/tables/system-property.ts), or its catalog default when it
 * was never set.
 */
export async function propertyValue(name: string, tx?: Tx): Promise<string | undefined> {
  return (await storedValue(name, tx)) ?? propertyDef(name)?.defaultValue;
}

export async function booleanProperty(name: string, tx?: Tx) {
  return readBoolean(await propertyValue(name, tx), propertyDef(name)?.defaultValue === "true");
}
export async function integerProperty(name: string, tx?: Tx) {
  return readInteger(await propertyValue(name, tx), Number(propertyDef(name)?.defaultValue ?? 0));
}
export async function listProperty(name: string, tx?: Tx) {
  return readList(await propertyValue(name, tx));
}
