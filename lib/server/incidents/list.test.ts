// PERF-1: the incident list counts matches up to a cap, as the case list does ("1,000+").
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TEXT_COUNT_CAP } from "@/lib/domain/paging";
import { makeItil, unique } from "@/lib/testing/fixtures";
import { listIncidents } from "./read";

describe("the incident list's count (PERF-1)", () => {
  it("PERF-1: a word search counts to 1,000 and says more; a narrower one counts exactly", async () => {
    const itil = await makeItil();
    const word = unique("Flood").replace(/[^A-Za-z0-9]/g, "");
    await db().incident.createMany({
      data: Array.from({ length: TEXT_COUNT_CAP + 5 }, (_, i) => ({
        number: `INCX${word.slice(-6)}${i}`,
        shortDescription: `${word} outage ${i}`,
      })),
    });
    const wide = await listIncidents(itil, { q: word, state: "all" });
    expect(wide).toMatchObject({ total: TEXT_COUNT_CAP, totalCapped: true });
    expect(wide.rows).toHaveLength(wide.pageSize);
    const narrow = await listIncidents(itil, { q: `${word} outage 1000`, state: "all" });
    expect(narrow).toMatchObject({ total: 1, totalCapped: false });
  });
});
