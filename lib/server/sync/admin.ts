import "server-only";
import { db, takeTurns, transaction } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { syncPlugin } from "@/lib/domain/plugins/catalog";
import { SYNC_RULES } from "@/lib/domain/sync/rules";
import { ruleActiveSchema, type RuleActiveInput } from "@/lib/domain/sync/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { LOCK } from "../locks";
import { activePlugins } from "../plugins/read";

/** Offer only what works: a rule whose plugin is inactive does nothing, so it is not listed. */
async function offeredRules() {
  const plugins = await activePlugins();
  return SYNC_RULES.filter((r) => plugins.has(syncPlugin(r.table)));
}

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can manage business rules.");
}

/** SYNC-1: every sync rule with its table, trigger and Active switch. */
export async function listRules(actor: Actor) {
  assertAdmin(actor);
  const [rows, rules] = await Promise.all([db().businessRule.findMany(), offeredRules()]);
  return rules.map((r, i) => ({
    name: r.name,
    table: r.table,
    trigger: r.trigger,
    description: r.description,
    active: rows.find((x) => x.table === r.table && x.name === r.name)?.active ?? true,
    order: i,
  }));
}

/** SYNC-1: an admin switches a rule on or off (the input parsed here: lib/domain/sync/schemas.ts). */
export async function setRuleActive(actor: Actor, raw: RuleActiveInput) {
  assertAdmin(actor);
  const { table, name, active } = parseOrThrow(ruleActiveSchema, raw);
  const rule = (await offeredRules()).find((r) => r.table === table && r.name === name);
  if (!rule) throw invalid("name", `There is no business rule "${name}" on ${table}.`);
  return transaction(async (tx) => {
    await takeTurns(tx, LOCK.adminSwitches); // read, then write and audit: one click at a time
    const row = await tx.businessRule.findUnique({ where: { table_name: { table, name } } });
    const was = row?.active ?? true;
    if (was === active) return { name, active, changed: false };
    await tx.businessRule.upsert({
      where: { table_name: { table, name } },
      create: { table, name, trigger: rule.trigger, description: rule.description, active },
      update: { active },
    });
    await writeAudit(
      tx,
      "sys_script",
      0,
      [{ field: `${table}/${name}`, oldValue: String(was), newValue: String(active) }],
      actor,
    );
    return { name, active, changed: true };
  });
}
