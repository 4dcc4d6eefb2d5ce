import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase } from "@/lib/testing/fixtures";
import { createProblemFromCase } from "../cases/create-related";

const fields = async (table: string, recordId: number) =>
  (await db().auditEntry.findMany({ where: { table, recordId }, select: { field: true } })).map(
    (r) => r.field,
  );

describe("audit of created records (REC-5)", () => {
  it("REC-5: a new record is audited with its initial values, never its id, number, version or timestamps", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent, { priority: 2 });
    const { number } = await createProblemFromCase(agent, c.number);
    const problem = await db().problem.findUniqueOrThrow({ where: { number } });
    for (const [table, id] of [
      [TABLE.case, c.id],
      [TABLE.problem, problem.id],
    ] as const) {
      const audited = await fields(table, id);
      expect(audited, table).toEqual(expect.arrayContaining(["shortDescription", "priority"]));
      for (const f of ["id", "number", "version", "createdAt", "updatedAt"])
        expect(audited, table).not.toContain(f);
    }
    expect(
      await db().auditEntry.findFirst({ where: { table: TABLE.case, recordId: c.id, field: "priority" } }),
    ).toMatchObject({ oldValue: null, newValue: "2", userId: agent.id });
  });
});
