import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { transaction } from "@/lib/db";
import { formatNumber } from "@/lib/domain/records/numbering";
import { createCase } from "@/lib/server/cases/write";
import { nextNumber, nextNumbers } from "./numbers";
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

  it("REC-1: a type's first number is its first (the counter made in the same statement), then consecutive, one at a time and in blocks", async () => {
    // The counter is deleted and remade inside a transaction that is rolled back: nothing changes.
    let taken: string[] = [];
    const rollback = new Error("rollback");
    await expect(
      transaction(async (tx) => {
        await tx.numberCounter.deleteMany({ where: { name: "workOrderTask" } });
        const one = await nextNumber(tx, "workOrderTask");
        const block = await nextNumbers(tx, "workOrderTask", 3);
        taken = [one, ...block, await nextNumber(tx, "workOrderTask")];
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(taken).toEqual([10001, 10002, 10003, 10004, 10005].map((n) => formatNumber("workOrderTask", n)));
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
