// The SQLite migrator against Prisma-style table rebuilds (CREATE new_T, copy, DROP T, RENAME):
// rows referencing the rebuilt table keep their references, and a migration that leaves a
// reference dangling is rolled back.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.mjs";

const INIT = `
CREATE TABLE "Parent" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Child" ("id" INTEGER NOT NULL PRIMARY KEY, "parentId" INTEGER,
  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id")
  ON DELETE SET NULL ON UPDATE CASCADE);
INSERT INTO "Parent" VALUES (1, 'one');
INSERT INTO "Child" VALUES (10, 1);`;

// What `prisma migrate diff` writes to add a column SQLite cannot add in place.
const REBUILD = `
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "extra" INTEGER);
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;

function migrations(steps: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), "caseflow-migrations-"));
  for (const [name, sql] of Object.entries(steps)) {
    mkdirSync(path.join(root, "sqlite", name), { recursive: true });
    writeFileSync(path.join(root, "sqlite", name, "migration.sql"), sql);
  }
  return { root, file: path.join(root, "test.db") };
}

const childParent = (file: string) =>
  (
    new Database(file).prepare(`SELECT "parentId" FROM "Child" WHERE "id" = 10`).get() as {
      parentId: number | null;
    }
  ).parentId;

describe("SQLite migrations", () => {
  it("rebuilding a referenced table keeps the references to it (no ON DELETE action runs)", async () => {
    const { root, file } = migrations({ "0001_init": INIT, "0002_rebuild": REBUILD });
    expect(await migrate(`file:${file}`, root)).toEqual(["0001_init", "0002_rebuild"]);
    expect(childParent(file)).toBe(1);
  });

  it("a migration that leaves a dangling reference is rolled back", async () => {
    const { root, file } = migrations({
      "0001_init": INIT,
      "0002_dangling": `INSERT INTO "Child" VALUES (11, 99);`,
    });
    await expect(migrate(`file:${file}`, root)).rejects.toThrow(/breaks 1 foreign key/);
    const db = new Database(file);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Child"`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT name FROM "_caseflow_migrations"`).all()).toEqual([{ name: "0001_init" }]);
  });
});
