// REC-6 / API-2: a PATCH without sys_mod_count writes over the current version, as ServiceNow does
// (last write wins): concurrent ones all land — on PostgreSQL, before, the losers of each race were
// answered 409 for a version they never named. With sys_mod_count, a stale one is still a 409.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { api } from "@/lib/testing/api";
import { makeAgent, makeCase } from "@/lib/testing/fixtures";

describe("concurrent Table API writes (REC-6, API-2)", () => {
  it("REC-6 / API-2: six concurrent PATCHes without sys_mod_count all land, each once", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const audits = () =>
      db().auditEntry.count({
        where: { table: "sn_customerservice_case", recordId: c.id, field: "shortDescription" },
      });
    const before = await audits();
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api("PATCH", path, { as: agent, body: { short_description: `Printer down, take ${i}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(6).fill(200));
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.version).toBe(c.version + 6);
    expect(after.shortDescription).toMatch(/^Printer down, take \d$/);
    expect((await audits()) - before).toBe(6);
    const stale = await api("PATCH", path, {
      as: agent,
      body: { short_description: "x", sys_mod_count: String(c.version) },
    });
    expect(stale.status).toBe(409);
  });
});
