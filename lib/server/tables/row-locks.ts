import "server-only";
// Row locks on a table the caller names by its model (SELECT … FOR UPDATE on PostgreSQL).
import { dialect, Prisma, type Tx } from "@/lib/db";
import { tableSql } from "./sql";

/**
 * How strongly: FOR UPDATE (the default) also waits for, and holds off, inserts of rows that
 * reference the locked ones; FOR NO KEY UPDATE holds off only changes of the rows themselves — for a
 * lock held long (an import's accounts) that must not stop new cases of those accounts meanwhile;
 * FOR SHARE holds the rows as they are (their changes wait) while others may share them — for a
 * decision that reads a row it does not write (ITSM-4: a case resolved "fixed by" its problem);
 * FOR KEY SHARE waits only for FOR UPDATE (and deletes), not for the plain updates a long
 * transaction may hold (an import's) — for a decision about a few fields whose writers lock the row
 * FOR UPDATE first (a sign-in and the password: storePassword).
 */
export type LockStrength = "UPDATE" | "NO KEY UPDATE" | "SHARE" | "KEY SHARE";

/**
 * Locks rows for the rest of the transaction before a read-then-write decision (is the incident
 * still open? does the case still have no incident?). PostgreSQL: SELECT … FOR UPDATE, in id
 * order so two transactions never deadlock. SQLite needs nothing: a transaction there holds the
 * database's write lock from its first statement (lib/db/sqlite-adapter.ts).
 */
export async function lockRows(
  tx: Tx,
  model: Prisma.ModelName,
  ids: (number | null | undefined)[],
  strength: LockStrength = "UPDATE",
) {
  const list = [...new Set(ids.filter((i): i is number => typeof i === "number"))].sort((a, b) => a - b);
  if (!list.length || dialect() !== "postgresql") return;
  await tx.$queryRaw`
    SELECT "id" FROM ${tableSql(model)} WHERE "id" IN (${Prisma.join(list)})
    ORDER BY "id" FOR ${Prisma.raw(strength)}`;
}

/**
 * Of `ids`, the rows no other transaction holds, locked for the rest of the transaction (FOR
 * UPDATE SKIP LOCKED on PostgreSQL; SQLite: all of them, its write transaction holds the database).
 * For a background job's batch, which then never waits for a user's change — so it is never one
 * side of a deadlock with it — and leaves the rows that change holds to its next pass.
 */
export async function lockFreeRows(
  tx: Tx,
  model: Prisma.ModelName,
  ids: readonly number[],
  strength: LockStrength = "UPDATE",
) {
  if (!ids.length || dialect() !== "postgresql") return [...ids];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM ${tableSql(model)} WHERE "id" IN (${Prisma.join([...ids])})
    ORDER BY "id" FOR ${Prisma.raw(strength)} SKIP LOCKED`;
  return rows.map((r) => r.id);
}
