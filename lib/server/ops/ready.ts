import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { dialect } from "@/lib/db";
import { appliedMigrationNames } from "@/lib/server/tables/caseflow-migrations";

// OPS-2: readiness. A node is ready while it is not draining (scripts/server.mjs sets the flag on
// SIGTERM), its database answers, and every migration the code ships is applied there.

const flags = globalThis as unknown as { __caseflowDraining?: boolean };

/** OPS-2: true once the server has begun its shutdown (no new work; readiness 503). */
export const isDraining = () => flags.__caseflowDraining === true;

/** The migrations of this build, by name (prisma/migrations/<provider>/<name>/). */
function shippedMigrations(): string[] {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations", dialect());
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function readiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "draining" };
  let applied: Set<string>;
  try {
    applied = new Set(await appliedMigrationNames());
  } catch {
    return { ready: false, reason: "database unreachable" };
  }
  const missing = shippedMigrations().filter((m) => !applied.has(m));
  if (missing.length) return { ready: false, reason: `${missing.length} migration(s) not applied` };
  return { ready: true };
}
