import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { RequestState as S } from "../../records/choices";
import { planRequestState } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");

describe("request lifecycle (REC-3)", () => {
  it.each([
    [S.Requested, S.InProcess],
    [S.Requested, S.ClosedCancelled],
    [S.InProcess, S.ClosedComplete],
    [S.InProcess, S.ClosedIncomplete],
    [S.InProcess, S.ClosedCancelled],
  ])("REC-3: %s → %s is legal", (from, to) => {
    expect(planRequestState({ state: from }, { state: to }, now).state).toBe(to);
  });

  it.each([
    [S.Requested, S.ClosedComplete],
    [S.ClosedComplete, S.InProcess],
    [S.ClosedCancelled, S.Requested],
    [S.InProcess, S.Requested],
  ])("REC-3: %s → %s is refused", (from, to) => {
    expect(() => planRequestState({ state: from }, { state: to }, now)).toThrow(DomainError);
  });

  it("closing stamps closedAt", () => {
    expect(planRequestState({ state: S.InProcess }, { state: S.ClosedComplete }, now)).toEqual({
      state: S.ClosedComplete,
      closedAt: now,
    });
  });
});
