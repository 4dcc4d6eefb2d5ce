import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCase } from "@/lib/server/cases/write";
import { makeAgent } from "@/lib/testing/fixtures";

const numeric = (n: string) => Number(n.replace(/^\D+/, ""));

describe("record numbers (REC-1)", () => {
  it("REC-1: 50 concurrent case creations get 50 distinct, consecutive numbers", async () => {
    const agent = await makeAgent();
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createCase(agent, { shortDescription: `Concurrent ${i}` })),
    );
    const numbers = created.map((c) => numeric(c.number)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers[49] - numbers[0]).toBe(49);
    expect(created.every((c) => /^CS\d{7}$/.test(c.number))).toBe(true);
  });

  it("REC-1: a failed creation gives its number back (no gaps)", async () => {
    const agent = await makeAgent();
    const before = await createCase(agent, { shortDescription: "before" });
    await expect(
      createCase(agent, { shortDescription: "bad reference", accountId: 999_999_999 }),
    ).rejects.toThrow(/no such account/);
    const after = await createCase(agent, { shortDescription: "after" });
    expect(numeric(after.number) - numeric(before.number)).toBe(1);
    expect(await db().case.count({ where: { shortDescription: "bad reference" } })).toBe(0);
  });
});
