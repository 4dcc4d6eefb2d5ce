import { describe, expect, it } from "vitest";
import { STANDARD_PRIORITY_MATRIX } from "../priority/lookup";
import { casePriorityFor, planProactive, proactiveCaseData, proactiveSummary } from "./plan";

describe("Create Proactive Cases plan (PRO-1)", () => {
  const plan = (
    pending: number[],
    affectedCount: number,
    threshold: number,
    majorCaseId: number | null = null,
  ) => planProactive({ pendingAccountIds: pending, affectedCount, threshold, majorCaseId });

  it("PRO-1: below the threshold, one case per account", () => {
    expect(plan([3, 1, 2], 3, 5)).toEqual({ kind: "individual", accountIds: [1, 2, 3] });
  });

  it("PRO-1: at or above the threshold, a major case with a child per account", () => {
    expect(plan([5, 4, 3, 2, 1], 5, 5)).toEqual({ kind: "new_major", accountIds: [1, 2, 3, 4, 5] });
  });

  it("PRO-1: the threshold counts all affected accounts, also those that already have a case", () => {
    expect(plan([4, 5, 6], 6, 5).kind).toBe("new_major");
    expect(plan([4], 4, 5).kind).toBe("individual");
  });

  it("PRO-1: once a major case exists, new accounts join it as children whatever their number", () => {
    expect(plan([9], 1, 5, 77)).toEqual({ kind: "join_major", majorCaseId: 77, accountIds: [9] });
  });

  it("PRO-1: nothing pending means nothing to create (re-run, double click)", () => {
    expect(plan([], 4, 5)).toEqual({ kind: "none" });
    expect(plan([], 9, 5, 77)).toEqual({ kind: "none" });
  });

  it("PRO-1: the answer gives the counts", () => {
    expect(proactiveSummary({ created: 3, alreadyHad: 2 })).toBe(
      "Created 3 cases; 2 accounts already had one",
    );
    expect(proactiveSummary({ created: 1, alreadyHad: 1 })).toBe("Created 1 case; 1 account already had one");
    expect(proactiveSummary({ created: 6, alreadyHad: 0, majorCaseNumber: "CS0001009" })).toBe(
      "Created 6 cases (major case CS0001009 with its children); 0 accounts already had one",
    );
  });
});

describe("proactive case priority (PRO-2, INC-5)", () => {
  it("PRO-2: the priority comes from the lookup for the mapped impact and urgency, Planning read as Low", () => {
    expect(casePriorityFor(STANDARD_PRIORITY_MATRIX, 1, 1)).toBe(1);
    expect(casePriorityFor(STANDARD_PRIORITY_MATRIX, 2, 2)).toBe(3);
    expect(casePriorityFor(STANDARD_PRIORITY_MATRIX, 3, 3)).toBe(4);
    expect(proactiveCaseData({ impact: 1, urgency: 2 }, STANDARD_PRIORITY_MATRIX).priority).toBe(2);
  });

  it("PRO-2: a map that sets priority itself wins", () => {
    expect(proactiveCaseData({ impact: 1, urgency: 1, priority: 4 }, STANDARD_PRIORITY_MATRIX).priority).toBe(
      4,
    );
  });
});
