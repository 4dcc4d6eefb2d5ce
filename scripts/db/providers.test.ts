// The database scripts find the project from their own file: a checkout whose path holds a space
// or a "%" (percent-encoded in import.meta.url) is still found, and `node scripts/db/migrate.mjs`
// still runs as a script there.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const HERE = import.meta.dirname;

function checkoutAt(name: string): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), "caseflow-")), name);
  mkdirSync(path.join(root, "scripts/db"), { recursive: true });
  for (const f of ["providers.mjs", "migrate.mjs"])
    copyFileSync(path.join(HERE, f), path.join(root, "scripts/db", f));
  symlinkSync(path.resolve(HERE, "../../node_modules"), path.join(root, "node_modules"));
  const migration = path.join(root, "prisma/migrations/sqlite/20260101000000_one");
  mkdirSync(migration, { recursive: true });
  writeFileSync(
    path.join(migration, "migration.sql"),
    'CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY);',
  );
  return root;
}

describe("scripts/db in a path with a space and a %", () => {
  const root = checkoutAt("my project %20 100%");

  it("ROOT is the checkout's real path", async () => {
    const mod = (await import(pathToFileURL(path.join(root, "scripts/db/providers.mjs")).href)) as {
      ROOT: string;
    };
    expect(mod.ROOT).toBe(root);
  });

  it("migrate.mjs run as a script applies the migrations", () => {
    const run = spawnSync(process.execPath, ["scripts/db/migrate.mjs"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "file:./data/t.db" },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("20260101000000_one");
    expect(existsSync(path.join(root, "data/t.db"))).toBe(true);
  });
});
