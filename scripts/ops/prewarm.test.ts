import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { freemem, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prewarmBudget, prewarmSqlite } from "./prewarm.mjs";

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

  it("reads nothing with a budget of 0 (CASEFLOW_PREWARM_BYTES=0: off)", async () => {
    const file = path.join(dir, "c.db");
    writeFileSync(file, Buffer.alloc(10_000, 1));
    expect(await prewarmSqlite(`file:${file}`, { budget: 0 })).toBe(0);
    expect(prewarmBudget({ CASEFLOW_PREWARM_BYTES: "0" })).toBe(0);
    expect(prewarmBudget({ CASEFLOW_PREWARM_BYTES: "5000" })).toBe(5000);
    // Not a whole number: the default, half the free memory (which moves: within a margin).
    const half = freemem() / 2;
    expect(prewarmBudget({ CASEFLOW_PREWARM_BYTES: "lots" })).toBeGreaterThan(half * 0.9);
    expect(prewarmBudget({ CASEFLOW_PREWARM_BYTES: "lots" })).toBeLessThan(half * 1.1);
  });

  it("reads the WAL first, so a small budget goes to the newest pages", async () => {
    const file = path.join(dir, "d.db");
    writeFileSync(file, Buffer.alloc(10_000, 1));
    writeFileSync(`${file}-wal`, Buffer.alloc(3_000, 2));
    expect(await prewarmSqlite(`file:${file}`, { budget: 3_000 })).toBe(3_000);
  });

  it("resolves, never rejects, when a path cannot be read", async () => {
    // A directory where the file should be: opened, its read fails.
    const file = path.join(dir, "e.db");
    mkdirSync(file);
    expect(await prewarmSqlite(`file:${file}`)).toBe(0);
  });

  it("does nothing for PostgreSQL or a file that is not there, without throwing", async () => {
    expect(await prewarmSqlite("postgresql://postgres@127.0.0.1:5432/x")).toBeNull();
    expect(await prewarmSqlite("mysql://root@127.0.0.1/x")).toBeNull();
    expect(await prewarmSqlite(`file:${path.join(dir, "missing.db")}`)).toBeNull();
    // A WAL without its database is no database.
    writeFileSync(path.join(dir, "orphan.db-wal"), Buffer.alloc(100));
    expect(await prewarmSqlite(`file:${path.join(dir, "orphan.db")}`)).toBeNull();
  });
});
