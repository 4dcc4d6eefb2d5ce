import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../scripts/db/migrate.mjs";
import { serializedSqliteAdapter, withLikeEscape } from "./sqlite-adapter";

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);

describe("SQLite adapter wrapper", () => {
  it("REL-1: Prisma's bare LIKE gets PostgreSQL's escape character; a LIKE with its own ESCAPE keeps it", () => {
    const q = (sql: string) => withLikeEscape({ sql, args: [], argTypes: [] }).sql;
    expect(q("SELECT 1 WHERE `name` LIKE ? AND NOT (`x` LIKE ?) LIMIT ?")).toBe(
      "SELECT 1 WHERE `name` LIKE ? ESCAPE '\\' AND NOT (`x` LIKE ? ESCAPE '\\') LIMIT ?",
    );
    const own = `SELECT 1 WHERE "n" LIKE ? ESCAPE '\\'`;
    expect(q(own)).toBe(own);
    expect(q("SELECT 1")).toBe("SELECT 1");
  });

  it("a transaction whose COMMIT or ROLLBACK fails still frees the connection for the next query", async () => {
    if (process.env.TEST_DATABASE === "postgresql") return;
    const dir = path.resolve(import.meta.dirname, "../../data/test/adapter");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `end-${process.pid}.db`);
    rmSync(file, { force: true });
    await migrate(`file:${file}`);
    const adapter = await serializedSqliteAdapter(`file:${file}`).connect();
    const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });
    try {
      // As when SQLite has already rolled back on its own (SQLITE_FULL, an I/O error): the
      // transaction is gone, so the ROLLBACK that Prisma sends next fails.
      const tx = await adapter.startTransaction();
      await tx.executeRaw(sql("ROLLBACK"));
      await expect(tx.executeRaw(sql("ROLLBACK"))).rejects.toThrow(/no transaction is active/);
      // Prisma calls nothing else after a failed end; the next query must not wait forever.
      const rows = await within(adapter.queryRaw(sql('SELECT COUNT(*) AS n FROM "Account"')), 3000);
      expect(rows.rows.length).toBe(1);
      const next = await within(adapter.startTransaction(), 3000);
      await next.executeRaw(sql("COMMIT"));
      await next.commit();
    } finally {
      await adapter.dispose();
      rmSync(file, { force: true });
    }
  });

  it("a plain query waits for an open transaction and never runs inside it", async () => {
    if (process.env.TEST_DATABASE === "postgresql") return;
    const { db } = await import("@/lib/db");
    const seen: unknown[] = [];
    await db()
      .$transaction(async (tx) => {
        await tx.account.create({ data: { number: "ACCROLLBACK", name: "tmp", nameKey: "tmp" } });
        const read = db()
          .account.findUnique({ where: { number: "ACCROLLBACK" } })
          .then((r) => seen.push(r));
        await new Promise((r) => setTimeout(r, 30));
        void read;
        throw new Error("roll back");
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([null]);
  });
});
