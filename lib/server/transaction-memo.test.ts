import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { oncePerTransaction } from "./transaction-memo";

describe("oncePerTransaction (PERF-9: configuration read once, before REC-1's number lock)", () => {
  it("PERF-9: inside one transaction a key loads once; another transaction and the shared client load again", async () => {
    let loads = 0;
    const load = async () => ++loads;
    await transaction(async (tx) => {
      expect(await oncePerTransaction(tx, "k", load)).toBe(1);
      expect(await oncePerTransaction(tx, "k", load)).toBe(1);
      expect(await oncePerTransaction(tx, "other", load)).toBe(2);
    });
    await transaction(async (tx) => {
      expect(await oncePerTransaction(tx, "k", load)).toBe(3);
    });
    expect(await oncePerTransaction(db(), "k", load)).toBe(4);
    expect(await oncePerTransaction(db(), "k", load)).toBe(5);
  });
});
