// afterCommit (lib/db.ts): steps wait for the commit of the transaction they were given, never run
// on a rollback, and run at once outside a transaction — what cache forgetting relies on.
import { describe, expect, it } from "vitest";
import { afterCommit, db, transaction } from "@/lib/db";

describe("afterCommit", () => {
  it("runs a step after the commit, when the change is visible to another connection", async () => {
    const seen: (number | null)[] = [];
    const name = `after-commit-${Date.now()}`;
    await transaction(async (tx) => {
      await tx.systemProperty.create({
        data: { name, value: "1", defaultValue: "1", type: "string", description: "" },
      });
      afterCommit(tx, () => seen.push(-1));
      expect(seen).toEqual([]); // not yet: the transaction is open
    });
    expect(seen).toEqual([-1]);
    expect(await db().systemProperty.count({ where: { name } })).toBe(1);
  });

  it("never runs a step of a transaction that rolled back; outside one, a step runs at once", async () => {
    const seen: string[] = [];
    await expect(
      transaction(async (tx) => {
        afterCommit(tx, () => seen.push("rolled back"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    afterCommit(undefined, () => seen.push("now"));
    let committed: Parameters<typeof afterCommit>[0];
    await transaction(async (tx) => {
      committed = tx;
    });
    afterCommit(committed, () => seen.push("after its commit: at once"));
    expect(seen).toEqual(["now", "after its commit: at once"]);
  });
});
