import "server-only";
// "JobLease": one row per scheduled job, claimed by the process that runs it.
import type { Tx } from "@/lib/db";

/** The job's lease row, made on the job's first run (nothing when it exists). */
export async function ensureLease(tx: Tx, name: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO "JobLease" ("name") VALUES (${name}) ON CONFLICT DO NOTHING`;
}
