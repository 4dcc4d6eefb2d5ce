import "server-only";
// "ApiToken": the Table API's bearer tokens, kept by their sha256 (ADM-4, API-3).
import { Prisma } from "@/lib/db";
import { readSql } from "@/lib/db/read";

export type TokenRow = { id: number; userId: number; revokedAt: Date | null; lastUsedAt: Date | null };
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));

/**
 * The token with this hash, through the prepared read path (lib/db/read.ts): every Table API and
 * inbound email request starts here, and a modelled query costs ~0.8 ms of query compilation.
 */
export async function tokenByHash(hash: string): Promise<TokenRow | null> {
  const rows = await readSql<Record<keyof TokenRow, unknown>>(Prisma.sql`
    SELECT "id", "userId", "revokedAt", "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = ${hash}`);
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    userId: Number(r.userId),
    revokedAt: dateOrNull(r.revokedAt),
    lastUsedAt: dateOrNull(r.lastUsedAt),
  };
}
