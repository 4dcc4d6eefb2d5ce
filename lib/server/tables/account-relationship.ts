import "server-only";
// "AccountRelationship": which partner account serves which customer account (SET-2).
import type { Tx } from "@/lib/db";

/** Relates the two accounts; answers how many rows it added (0 when they were related already). */
export async function insertRelationship(
  tx: Tx,
  partnerAccountId: number,
  customerAccountId: number,
): Promise<number> {
  return tx.$executeRaw`
      INSERT INTO "AccountRelationship" ("partnerAccountId", "customerAccountId")
      VALUES (${partnerAccountId}, ${customerAccountId})
      ON CONFLICT ("partnerAccountId", "customerAccountId") DO NOTHING`;
}
