import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { SyncRule } from "@/lib/domain/sync/rules";

/** SYNC-1: a rule is active unless an admin switched it off. */
export async function ruleActivity(tx: Tx = db(), table?: string): Promise<(rule: SyncRule) => boolean> {
  const rows = await tx.businessRule.findMany({
    where: table ? { table } : {},
    select: { table: true, name: true, active: true },
  });
  const off = new Set(rows.filter((r) => !r.active).map((r) => `${r.table}/${r.name}`));
  return (rule) => !off.has(`${rule.table}/${rule.name}`);
}
