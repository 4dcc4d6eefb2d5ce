import "server-only";
import { cache } from "react";
import type { Tx } from "@/lib/db";
import { PLUGIN_CATALOG, type ActivePlugins } from "@/lib/domain/plugins/catalog";
import { readSwitchedOff, switchedOff } from "@/lib/server/tables/plugin";

/** Every catalog plugin but those switched off (rows of "Plugin" WHERE active = false). */
const activeBut = (off: { id: string }[]): ActivePlugins => {
  const ids = new Set(off.map((r) => r.id));
  return new Set(PLUGIN_CATALOG.map((p) => p.id).filter((id) => !ids.has(id)));
};

/** Inside a transaction: raw SQL (lib/server/tables/plugin.ts). */
async function read(client: Tx): Promise<ActivePlugins> {
  return activeBut(await switchedOff(client));
}

/**
 * Outside a transaction, read once per server render (the layout, the page and its sections),
 * through the driver (lib/db/read.ts).
 */
const readOncePerRequest = cache(async () => activeBut(await readSwitchedOff()));

/**
 * The active plugins: every catalog plugin is active unless an admin switched it off. Inside a
 * transaction (`tx`) always read afresh, so a write sees the state it commits against.
 */
export async function activePlugins(tx?: Tx): Promise<ActivePlugins> {
  return tx ? read(tx) : readOncePerRequest();
}
