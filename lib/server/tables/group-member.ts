import "server-only";
// "GroupMember": the members of each assignment group (WRK-1).
import type { Tx } from "@/lib/db";

/** Adds the user to the group; answers how many rows it added (0 when they were a member already). */
export async function insertMember(tx: Tx, groupId: number, userId: number): Promise<number> {
  return tx.$executeRaw`
      INSERT INTO "GroupMember" ("groupId", "userId") VALUES (${groupId}, ${userId}) ON CONFLICT DO NOTHING`;
}
