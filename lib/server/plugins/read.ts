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

/** This request's switched-off plugins when the requester's statement read them (primeActivePlugins). */
const primed = cache((): { off?: readonly string[] } => ({}));

/**
 * PERF-8: the signed-in requester's statement (lib/server/auth/requester-read.ts) reads the
 * switched-off plugins with the person; the rest of the request uses them instead of reading again.
 */
export function primeActivePlugins(off: readonly string[]): void {
  primed().off = off;
}

/**
 * Outside a transaction, read once per server render (the layout, the page and its sections):
 * as primed by the requester's statement, else through the driver (lib/db/read.ts).
 */
const readOncePerRequest = cache(async () => {
  const off = primed().off;
  return activeBut(off ? off.map((id) => ({ id })) : await readSwitchedOff());
});

/**
 * The active plugins: every catalog plugin is active unless an admin switched it off. Inside a
 * transaction (`tx`) always read afresh, so a write sees the state it commits against.
 */
export async function activePlugins(tx?: Tx): Promise<ActivePlugins> {
  return tx ? read(tx) : readOncePerRequest();
}
