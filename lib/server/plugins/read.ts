import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { PLUGIN_CATALOG, type ActivePlugins } from "@/lib/domain/plugins/catalog";

/** The active plugins: every catalog plugin is active unless an admin switched it off. */
export async function activePlugins(tx: Tx = db()): Promise<ActivePlugins> {
  const rows = await tx.plugin.findMany({ select: { id: true, active: true } });
  const off = new Set(rows.filter((r) => !r.active).map((r) => r.id));
  return new Set(PLUGIN_CATALOG.map((p) => p.id).filter((id) => !off.has(id)));
}
