import "server-only";
// "NotificationOff": the kinds of agent notification each person turned off (NOT-2).
import type { Tx } from "@/lib/db";

/** Turns `kind` off for the user; answers how many rows it added (0 when it was off already). */
export async function insertOff(tx: Tx, userId: number, kind: string, createdAt: Date): Promise<number> {
  return tx.$executeRaw`
      INSERT INTO "NotificationOff" ("userId", "kind", "createdAt") VALUES (${userId}, ${kind}, ${createdAt})
      ON CONFLICT ("userId", "kind") DO NOTHING`;
}
