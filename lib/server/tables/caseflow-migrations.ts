import "server-only";
// "_caseflow_migrations": the migrations applied to the database (scripts/db/migrate.mjs writes it).
import { db } from "@/lib/db";

/** The names of the applied migrations (OPS-2's readiness); throws when the database does not answer. */
export async function appliedMigrationNames(): Promise<string[]> {
  const rows = await db().$queryRaw<{ name: string }[]>`SELECT "name" FROM "_caseflow_migrations"`;
  return rows.map((r) => r.name);
}
