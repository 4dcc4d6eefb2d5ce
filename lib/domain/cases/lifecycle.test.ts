import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { CaseState as S } from "../records/choices";
import { caseActionsFor, planCaseAction, planCaseStateChange } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");
const resolution = { resolutionCode: "Solved (Permanently)", resolutionNotes: "Fixed the thing" };

function fails(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("case lifecycle", () => {
  it.each([
    [S.New, S.Open],
    [S.New, S.Cancelled],
    [S.Open, S.AwaitingInfo],
    [S.Open, S.Resolved],
    [S.Open, S.Cancelled],
    [S.AwaitingInfo, S.Open],
    [S.AwaitingInfo, S.Cancelled],
    [S.Resolved, S.Closed],
    [S.Resolved, S.Open],
  ])("REC-3: %i → %i is legal", (from, to) => {
    expect(planCaseStateChange(from, to, resolution, now).state).toBe(to);
  });

  it.each([
    [S.New, S.Resolved],
    [S.New, S.AwaitingInfo],
    [S.AwaitingInfo, S.Resolved],
    [S.Resolved, S.Cancelled],
    [S.Open, S.Closed],
    [S.Closed, S.Open],
    [S.Closed, S.Cancelled],
    [S.Cancelled, S.Open],
    [S.Cancelled, S.New],
  ])("REC-3: %i → %i is refused with a message naming the state field", (from, to) => {
    const e = fails(() => planCaseStateChange(from, to, resolution, now));
    expect(e.field).toBe("state");
    expect(e.message).toMatch(/cannot/i);
  });

  it("REC-3: a Closed case cannot be changed at all", () => {
    expect(fails(() => planCaseStateChange(S.Closed, S.Open, resolution, now)).message).toBe(
      "This case is Closed and cannot be changed.",
    );
  });

  it("REC-4: resolving needs a resolution code", () => {
    const e = fails(() => planCaseStateChange(S.Open, S.Resolved, { resolutionNotes: "notes" }, now));
    expect(e.field).toBe("resolutionCode");
    expect(e.message).toMatch(/Resolution code is required/);
  });

  it("REC-4: resolving needs resolution notes", () => {
    const e = fails(() =>
      planCaseStateChange(
        S.Open,
        S.Resolved,
        { resolutionCode: "Solved (Permanently)", resolutionNotes: "   " },
        now,
      ),
    );
    expect(e.field).toBe("resolutionNotes");
  });

  it("REC-4: an unknown resolution code is refused", () => {
    expect(
      fails(() =>
        planCaseStateChange(S.Open, S.Resolved, { resolutionCode: "Magic", resolutionNotes: "x" }, now),
      ).field,
    ).toBe("resolutionCode");
  });

  it("resolving stamps resolvedAt; reopening clears it; closing stamps closedAt", () => {
    expect(planCaseStateChange(S.Open, S.Resolved, resolution, now)).toMatchObject({
      state: S.Resolved,
      resolvedAt: now,
      ...resolution,
    });
    expect(planCaseStateChange(S.Resolved, S.Open, {}, now)).toEqual({ state: S.Open, resolvedAt: null });
    expect(planCaseStateChange(S.Resolved, S.Closed, {}, now)).toEqual({ state: S.Closed, closedAt: now });
  });

  it("the buttons offered follow the state", () => {
    const ids = (s: number) => caseActionsFor(s).map((a) => a.label);
    expect(ids(S.New)).toEqual(["Accept", "Cancel"]);
    expect(ids(S.Open)).toEqual(["Request Info", "Propose Solution", "Cancel"]);
    expect(ids(S.AwaitingInfo)).toEqual(["Cancel"]);
    expect(ids(S.Resolved)).toEqual(["Close", "Reopen"]);
    expect(ids(S.Closed)).toEqual([]);
    expect(ids(S.Cancelled)).toEqual([]);
  });

  it("REC-3: an action that is not legal now is refused", () => {
    const e = fails(() => planCaseAction("close", S.Open, {}, now));
    expect(e.message).toBe("Close is not possible while the case is Open.");
    expect(planCaseAction("accept", S.New, {}, now)).toEqual({ state: S.Open });
  });
});
