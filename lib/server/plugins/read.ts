import "server-only";
import { cache } from "react";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { PLUGIN_CATALOG, type ActivePlugins } from "@/lib/domain/plugins/catalog";

/**
 * Raw SQL: every page reads this (the layout's navigation), and an ORM query is compiled anew on
 * each call (about 0.3 ms of CPU with the driver adapters) where a raw one is not.
 */
async function read(client: Tx): Promise<ActivePlugins> {
  const rows = await client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Plugin" WHERE "active" = ${false}`;
  const off = new Set(rows.map((r) => r.id));
  return new Set(PLUGIN_CATALOG.map((p) => p.id).filter((id) => !off.has(id)));
}

/** Outside a transaction, read once per server render (the layout, the page and its sections). */
const readOncePerRequest = cache(() => read(db()));

/**
 * The active plugins: every catalog plugin is active unless an admin switched it off. Inside a
 * transaction (`tx`) always read afresh, so a write sees the state it commits against.
 */
export async function activePlugins(tx?: Tx): Promise<ActivePlugins> {
  return tx ? read(tx) : readOncePerRequest();
}
