import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { propertyDef } from "@/lib/domain/properties/catalog";
import { readBoolean, readInteger, readList } from "@/lib/domain/properties/values";

/** A property's stored value, or its catalog default when it was never set. */
export async function propertyValue(name: string, tx: Tx = db()): Promise<string | undefined> {
  const row = await tx.systemProperty.findUnique({ where: { name }, select: { value: true } });
  return row?.value ?? propertyDef(name)?.defaultValue;
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
