// Races made to happen, for the tests of lock order (PostgreSQL) and of what waits on what: a
// transaction holding a row while others queue behind it, and a wait for them to be queued.
// (SQLite runs one write transaction at a time: there the held transaction holds the database.)
import { db, dialect, transaction, type Prisma } from "@/lib/db";
import { lockRows } from "@/lib/server/tables/row-locks";

/** A transaction holding the row's lock (FOR UPDATE) until the returned release is called. */
export async function holdRow(model: Prisma.ModelName, id: number) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  // A test that fails before it releases must not leave the row held for the next ones.
  const safety = setTimeout(() => release(), 30_000);
  let locked!: () => void;
  const held = new Promise<void>((r) => (locked = r));
  const done = transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`; // SQLite: the write lock is taken with the transaction's first statement
    await lockRows(tx, model, [id]);
    locked();
    await gate;
  });
  await held;
  return async () => {
    clearTimeout(safety);
    release();
    await done;
  };
}

/**
 * Until `count` connections wait on a lock (PostgreSQL), or a moment (SQLite), or `done` settles.
 * PostgreSQL: fails after 5 s — a race the test meant to set up that never formed is no pass.
 */
export async function untilWaiting(count: number, done: Promise<unknown>) {
  let settled = false;
  const mark = () => (settled = true);
  done.then(mark, mark);
  const deadline = Date.now() + 5_000;
  while (!settled && Date.now() < deadline) {
    if (dialect() === "postgresql") {
      const [{ n }] = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (n >= count) return;
    } else if (Date.now() > deadline - 4_700) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!settled && dialect() === "postgresql")
    throw new Error(`fewer than ${count} connections waited on a lock`);
}
