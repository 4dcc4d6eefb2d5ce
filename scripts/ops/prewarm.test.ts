import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prewarmSqlite } from "./prewarm.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "prewarm-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PERF-1: the SQLite file is read into the OS cache at start", () => {
  it("reads the database file and its WAL to the end", async () => {
    const file = path.join(dir, "a.db");
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024 + 5, 1));
    writeFileSync(`${file}-wal`, Buffer.alloc(4096, 2));
    expect(await prewarmSqlite(`file:${file}`)).toBe(3 * 1024 * 1024 + 5 + 4096);
  });

  it("stops at its budget, across the file and its WAL", async () => {
    const file = path.join(dir, "b.db");
    writeFileSync(file, Buffer.alloc(10_000, 1));
    writeFileSync(`${file}-wal`, Buffer.alloc(10_000, 2));
    expect(await prewarmSqlite(`file:${file}`, { budget: 4_000 })).toBe(4_000);
    expect(await prewarmSqlite(`file:${file}`, { budget: 12_000 })).toBe(12_000);
  });

  it("does nothing for PostgreSQL or a file that is not there, without throwing", async () => {
    expect(await prewarmSqlite("postgresql://postgres@127.0.0.1:5432/x")).toBeNull();
    expect(await prewarmSqlite("mysql://root@127.0.0.1/x")).toBeNull();
    expect(await prewarmSqlite(`file:${path.join(dir, "missing.db")}`)).toBeNull();
  });
});
