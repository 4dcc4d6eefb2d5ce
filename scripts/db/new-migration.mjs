// Usage: npm run db:migration -- <name>
// Diffs prisma/schema.prisma against the snapshot of the last migration, once per provider,
// and writes prisma/migrations/<provider>/<timestamp>_<name>/migration.sql for each.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROVIDERS, ROOT, SOURCE_SCHEMA, renderSchema } from "./providers.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}
const SNAPSHOT = path.join(ROOT, "prisma/migrations/schema.snapshot.prisma");
// Diffing two datamodels opens no database; the CLI only needs an adapter it can load offline,
// and the SQLite one serves for both providers' diffs.
const DIFF_URL = "file::memory:";
const current = readFileSync(SOURCE_SCHEMA, "utf8");
const previous = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const work = mkdtempSync(path.join(tmpdir(), "caseflow-migration-"));
let wrote = 0;

for (const provider of PROVIDERS) {
  const to = path.join(work, `${provider}-to.prisma`);
  writeFileSync(to, renderSchema(provider, current));
  const from =
    previous === null
      ? ["--from-empty"]
      : ["--from-schema-datamodel", path.join(work, `${provider}-from.prisma`)];
  if (previous !== null) writeFileSync(from[1], renderSchema(provider, previous));
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: DIFF_URL },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/.test(sql)) continue;
  const dir = path.join(ROOT, "prisma/migrations", provider, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
  wrote++;
}
writeFileSync(SNAPSHOT, current);
if (!wrote) console.log("schema changed no tables; snapshot updated");
