import { describe, expect, it } from "vitest";
import { makeAgent, makeCase, makeItil, unique } from "@/lib/testing/fixtures";
import { createProblemFromCase } from "@/lib/server/cases/create-related";
import { listItsm } from "./read";
import { PROBLEM } from "./specs";

describe("ITSM lists (REL-1)", () => {
  it("REL-1: /problems?page=1e300 answers the deepest page (empty), not a database error", async () => {
    const itil = await makeItil();
    const list = await listItsm(PROBLEM, itil, { page: 1e300 });
    expect(list.page).toBe(100_000);
    expect(list.rows).toEqual([]);
  });

  it("PERF-8: a problem is found by a piece of its number in any case, and by words of its short description", async () => {
    const agent = await makeAgent();
    const words = unique("Backup fails ");
    const { number } = await createProblemFromCase(
      agent,
      (await makeCase(agent, { shortDescription: words })).number,
    );
    const found = async (q: string) =>
      (await listItsm(PROBLEM, await makeItil(), { q })).rows.map((r) => r.number);
    expect(await found(number.slice(2).toLowerCase())).toContain(number); // "b0040001"
    expect(await found(number.toLowerCase())).toContain(number);
    expect(await found(words.toUpperCase())).toEqual([number]);
  });
});
