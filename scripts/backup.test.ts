// SET-6: `npm run backup -- <file>` copies the SQLite database while another connection writes,
// and the copy restores as one committed state; it refuses what it cannot do safely.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { planBackup } from "./backup.mts";
import { migrate } from "./db/migrate.mjs";
import { ROOT } from "./db/providers.mjs";

const SCRIPT = ["--conditions=react-server", "--import", "tsx", "scripts/backup.mts"];
const env = (url: string) => ({ ...process.env, DATABASE_URL: url });

async function database() {
  const dir = mkdtempSync(path.join(tmpdir(), "caseflow-backup-"));
  const file = path.join(dir, "caseflow.db");
  await migrate(`file:${file}`);
  return { dir, file };
}

/** One write as the app makes them: a case, and the account's running count, in one transaction. */
function writer(file: string) {
  const db = new Database(file);
  db.pragma("synchronous = NORMAL");
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO "Account" (number, name, nameKey, updatedAt) VALUES ('ACC1', '0', 'acc1', ?)`).run(
    now,
  );
  const insert = db.prepare(
    `INSERT INTO "Case" (number, shortDescription, description, accountId, updatedAt) VALUES (?, ?, ?, 1, ?)`,
  );
  const count = db.prepare(`UPDATE "Account" SET name = ? WHERE id = 1`);
  let written = 0;
  const write = db.transaction(() => {
    written += 1;
    insert.run(`CS${written}`, `case ${written}`, "x".repeat(400), now);
    count.run(String(written));
  });
  return { write, written: () => written, close: () => db.close() };
}

describe("backup (SET-6)", () => {
  it("SET-6: a backup taken while another connection writes restores with every committed row", async () => {
    const { dir, file } = await database();
    const w = writer(file);
    for (let i = 0; i < 5000; i++) w.write(); // ~3 MB, so the copy is not instant

    const backup = path.join(dir, "backup.db");
    const committedBefore = w.written();
    const child = spawn(process.execPath, [...SCRIPT, backup], { cwd: ROOT, env: env(`file:${file}`) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    let running = true;
    void exited.then(() => (running = false));
    // Keep writing, one transaction per turn of the event loop, until the backup has finished.
    while (running) {
      w.write();
      await new Promise((r) => setImmediate(r));
    }
    const status = await exited;
    const committedAfter = w.written();
    w.close();

    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^backup .*backup\.db: [\d.]+ MB, \d+ tables, \d+ Case, 0 User, 1 Account, integrity ok/,
    );

    // Restore: the copy in place of the database, as the app would open it.
    const restored = path.join(dir, "restored.db");
    copyFileSync(backup, restored);
    expect(await migrate(`file:${restored}`)).toEqual([]); // every migration is recorded as applied
    const db = new Database(restored, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const numbers = (db.prepare(`SELECT number FROM "Case" ORDER BY id`).all() as { number: string }[]).map(
      (r) => r.number,
    );
    const { name } = db.prepare(`SELECT name FROM "Account" WHERE id = 1`).get() as { name: string };
    db.close();
    // One committed state taken in the middle of the writes: every write committed before the
    // backup began, a prefix of those after it, and the account's count from the same transaction
    // as the last case.
    expect(numbers.length).toBeGreaterThan(committedBefore);
    expect(numbers.length).toBeLessThan(committedAfter);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `CS${i + 1}`));
    expect(name).toBe(String(numbers.length));
    expect(stdout).toContain(`${numbers.length} Case`);
  });

  it("SET-6: refuses a destination that exists and leaves it untouched", async () => {
    const { dir, file } = await database();
    const existing = path.join(dir, "existing.db");
    writeFileSync(existing, "keep me");
    const r = spawnSync(process.execPath, [...SCRIPT, existing], { cwd: ROOT, env: env(`file:${file}`) });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/already exists; a backup never overwrites/);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("SET-6: refuses a PostgreSQL URL and points to pg_dump in README's Backups section", () => {
    const dest = path.join(mkdtempSync(path.join(tmpdir(), "caseflow-backup-")), "pg.db");
    const url = "postgresql://caseflow@127.0.0.1:5432/caseflow";
    const r = spawnSync(process.execPath, [...SCRIPT, dest], { cwd: ROOT, env: env(url) });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/copies SQLite databases only/);
    expect(r.stderr.toString()).toMatch(/README "Production" → "Backups"/);
    expect(r.stderr.toString()).toMatch(/pg_dump/);
    expect(existsSync(dest)).toBe(false);
  });

  it("SET-6: without a file argument prints the usage and exits 2", () => {
    const r = spawnSync(process.execPath, SCRIPT, { cwd: ROOT, env: env("file:./data/nowhere.db") });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/^usage: npm run backup -- <file>/);
  });

  it("SET-6: refuses a missing database, a missing folder, and names the database and file it copies", () => {
    const exists = (existing: string[]) => (f: string) => existing.includes(f);
    const sqlite = { DATABASE_URL: "file:/srv/caseflow.db", INIT_CWD: "/home/op" };
    expect(planBackup(["b.db"], sqlite, exists([]))).toMatchObject({
      ok: false,
      status: 1,
      message: expect.stringMatching(/no database at \/srv\/caseflow\.db/),
    });
    expect(planBackup(["nodir/b.db"], sqlite, exists(["/srv/caseflow.db", "/home/op"]))).toMatchObject({
      ok: false,
      status: 1,
      message: expect.stringMatching(/folder \/home\/op\/nodir does not exist/),
    });
    expect(planBackup(["b.db"], sqlite, exists(["/srv/caseflow.db", "/home/op"]))).toEqual({
      ok: true,
      source: "/srv/caseflow.db",
      destination: "/home/op/b.db",
    });
    expect(planBackup(["a.db", "b.db"], sqlite, exists([]))).toMatchObject({ ok: false, status: 2 });
    expect(planBackup(["b.db"], { DATABASE_URL: "mysql://x" }, exists([]))).toMatchObject({
      ok: false,
      status: 1,
    });
  });
});
