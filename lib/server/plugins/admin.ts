import "server-only";
import { db, takeTurns, transaction } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { PLUGIN_CATALOG } from "@/lib/domain/plugins/catalog";
import { pluginActiveSchema, type PluginActiveInput } from "@/lib/domain/plugins/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { LOCK } from "../locks";

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can switch plugins.");
}

/** ITSM-5: the switchable integrations and whether each is active. */
export async function listPlugins(actor: Actor) {
  assertAdmin(actor);
  const rows = await db().plugin.findMany();
  return PLUGIN_CATALOG.map((p) => ({ ...p, active: rows.find((r) => r.id === p.id)?.active ?? true }));
}

/** ITSM-5: an admin switches a plugin on or off (the input parsed here: lib/domain/plugins/schemas.ts). */
export async function setPluginActive(actor: Actor, raw: PluginActiveInput) {
  assertAdmin(actor);
  const { id, active } = parseOrThrow(pluginActiveSchema, raw);
  const plugin = PLUGIN_CATALOG.find((p) => p.id === id);
  if (!plugin) throw invalid("id", `There is no plugin "${id}".`);
  return transaction(async (tx) => {
    await takeTurns(tx, LOCK.adminSwitches);
    const was = (await tx.plugin.findUnique({ where: { id } }))?.active ?? true;
    if (was === active) return { id, active, changed: false };
    await tx.plugin.upsert({
      where: { id },
      create: { id, name: plugin.name, description: plugin.description, active },
      update: { active },
    });
    await writeAudit(
      tx,
      "v_plugin",
      0,
      [{ field: id, oldValue: String(was), newValue: String(active) }],
      actor,
    );
    return { id, active, changed: true };
  });
}
