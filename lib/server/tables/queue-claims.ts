import "server-only";
// Job-queue claims on a table the queue names (OPS-1: the outbox's messages).
import { db, dialect, Prisma } from "@/lib/db";
import { tableSql } from "./sql";

export type Queue = {
  table: "OutboxMessage";
  /** Which rows are due (the claimable ones), given now. */
  due: (now: Date) => Prisma.Sql;
  /** What the claim sets besides lockedBy/lockedUntil. */
  set: Prisma.Sql;
};

/**
 * Claims up to `limit` due items of `q` for `worker` until now + `leaseMs`; returns their ids. One
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING` on PostgreSQL (two runners
 * never wait on each other nor take the same row), the same conditional UPDATE … RETURNING on
 * SQLite (one writer at a time).
 */
export async function claimBatch(
  q: Queue,
  worker: string,
  leaseMs: number,
  limit: number,
): Promise<number[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  const table = tableSql(q.table);
  const skipLocked = dialect() === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db().$queryRaw<{ id: unknown }[]>`
    UPDATE ${table} SET "lockedBy" = ${worker}, "lockedUntil" = ${until}, ${q.set}
    WHERE "id" IN (
      SELECT "id" FROM ${table} WHERE ${q.due(now)} ORDER BY "id" LIMIT ${limit} ${skipLocked})
    RETURNING "id"`;
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
