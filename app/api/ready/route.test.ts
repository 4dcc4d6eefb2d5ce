import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as health } from "../health/route";
import { GET } from "./route";

// OPS-2: liveness and readiness.

const flags = globalThis as { __caseflowDraining?: boolean };

describe("OPS-2 health and readiness", () => {
  it("OPS-2: /api/health answers 200; /api/ready 200 with the database up to date", async () => {
    expect(health().status).toBe(200);
    const r = await GET();
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ready" });
  });

  it("OPS-2: /api/ready is 503 while the node drains", async () => {
    flags.__caseflowDraining = true;
    try {
      const r = await GET();
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ reason: "draining" });
    } finally {
      delete flags.__caseflowDraining;
    }
    expect((await GET()).status).toBe(200);
  });

  it("OPS-2: /api/ready is 503 when a migration of this build is not applied", async () => {
    const [last] = await db().$queryRaw<{ name: string; checksum: string; applied_at: unknown }[]>`
      SELECT * FROM "_caseflow_migrations" ORDER BY "name" DESC LIMIT 1`;
    await db().$executeRaw`DELETE FROM "_caseflow_migrations" WHERE "name" = ${last.name}`;
    try {
      const r = await GET();
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ reason: "1 migration(s) not applied" });
    } finally {
      await db().$executeRaw`INSERT INTO "_caseflow_migrations" ("name", "checksum", "applied_at")
        VALUES (${last.name}, ${last.checksum}, ${last.applied_at})`;
    }
  });

  it("OPS-2: /api/ready is 503 when the database does not answer", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    try {
      const r = await GET();
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ reason: "database unreachable" });
    } finally {
      process.env.DATABASE_URL = url;
    }
  });
});
