import "server-only";
// "SlaTarget": the response and resolution targets per priority (NOT-5).
import type { Tx } from "@/lib/db";

type TargetRow = { priority: unknown; responseMinutes: unknown; resolutionMinutes: unknown; clock: string };
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export type SlaTargetRow = {
  priority: number;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: string;
};

/**
 * NOT-5: the targets per priority, as the admin left them (raw: every case creation and priority
 * change reads them, and a modelled query costs ~0.8 ms of Prisma's query compilation).
 */
export async function allTargets(tx: Tx): Promise<SlaTargetRow[]> {
  const targets = await tx.$queryRaw<TargetRow[]>`
      SELECT "priority", "responseMinutes", "resolutionMinutes", "clock" FROM "SlaTarget" ORDER BY "priority"`;
  return targets.map((t) => ({
    priority: Number(t.priority),
    responseMinutes: intOrNull(t.responseMinutes),
    resolutionMinutes: intOrNull(t.resolutionMinutes),
    clock: t.clock,
  }));
}
