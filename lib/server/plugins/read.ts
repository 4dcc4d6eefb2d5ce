import "server-only";
import { cache } from "react";
import type { Tx } from "@/lib/db";
import { statement } from "@/lib/db/json-sql";
import { readRows } from "@/lib/db/read";
import { PLUGIN_CATALOG, type ActivePlugins } from "@/lib/domain/plugins/catalog";

/** Every catalog plugin but those switched off (rows of "Plugin" WHERE active = false). */
const activeBut = (off: { id: string }[]): ActivePlugins => {
  const ids = new Set(off.map((r) => r.id));
  return new Set(PLUGIN_CATALOG.map((p) => p.id).filter((id) => !ids.has(id)));
};

/** Inside a transaction: raw SQL (an ORM query is compiled anew on each call, ~0.3 ms of CPU). */
async function read(client: Tx): Promise<ActivePlugins> {
  return activeBut(
    await client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Plugin" WHERE "active" = ${false}`,
  );
}

const INACTIVE = statement((d) => `SELECT "id" FROM "Plugin" WHERE "active" = ${d.p(1)}`);

/**
 * Outside a transaction, read once per server render (the layout, the page and its sections),
 * through the driver (lib/db/read.ts).
 */
const readOncePerRequest = cache(async () => activeBut(await readRows<{ id: string }>(INACTIVE, [false])));

/**
 * The active plugins: every catalog plugin is active unless an admin switched it off. Inside a
 * transaction (`tx`) always read afresh, so a write sees the state it commits against.
 */
export async function activePlugins(tx?: Tx): Promise<ActivePlugins> {
  return tx ? read(tx) : readOncePerRequest();
}
