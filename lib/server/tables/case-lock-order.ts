import "server-only";
import { Prisma } from "@/lib/db";
import { MajorCaseState } from "@/lib/domain/records/choices";

/**
 * The order every statement that locks several cases takes them in (PostgreSQL; the journal trigger
 * too, migration `case_lock_order`): major cases first, then by id. A major case is changed before
 * its children on every path (a work note copied, a state synced), and a child is often older than
 * its major case (the accepted candidate always is): by id alone, a fan-out, Notify Customers or
 * auto-close taking a child before its major case deadlocked with such a path.
 */
export const caseLockOrder = (alias: string): Prisma.Sql =>
  Prisma.raw(`ORDER BY (${alias}."majorCaseState" = '${MajorCaseState.Accepted}') DESC, ${alias}."id"`);
