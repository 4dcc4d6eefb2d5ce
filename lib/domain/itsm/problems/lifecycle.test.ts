import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { ProblemState as S } from "../../records/choices";
import { planProblemState } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");
const at = (state: number, resolutionCode: string | null = null, resolutionNotes: string | null = null) => ({
  state,
  resolutionCode,
  resolutionNotes,
});
const resolution = { resolutionCode: "Fix Applied", resolutionNotes: "Patched" };

describe("problem lifecycle (REC-3)", () => {
  it.each([
    [S.New, S.Assess],
    [S.Assess, S.RootCauseAnalysis],
    [S.RootCauseAnalysis, S.FixInProgress],
    [S.FixInProgress, S.Resolved],
    [S.New, S.Resolved],
    [S.Assess, S.Resolved],
    [S.Resolved, S.Closed],
    [S.Resolved, S.RootCauseAnalysis],
  ])("REC-3: %i → %i is legal", (from, to) => {
    expect(
      planProblemState(at(from, "Fix Applied", "Patched"), { state: to, ...resolution }, now).state,
    ).toBe(to);
  });

  it.each([
    [S.New, S.FixInProgress],
    [S.Assess, S.New],
    [S.FixInProgress, S.Assess],
    [S.Closed, S.Resolved],
    [S.Closed, S.New],
    [S.New, S.Closed],
  ])("REC-3: %i → %i is refused", (from, to) => {
    expect(
      refusal(() => planProblemState(at(from, "Fix Applied", "Patched"), { state: to, ...resolution }, now))
        .field,
    ).toBe("state");
  });

  it("REC-4: resolving needs a known resolution code", () => {
    expect(
      refusal(() => planProblemState(at(S.FixInProgress), { state: S.Resolved, resolutionNotes: "n" }, now))
        .field,
    ).toBe("resolutionCode");
    expect(
      refusal(() =>
        planProblemState(
          at(S.FixInProgress),
          { state: S.Resolved, resolutionCode: "Magic", resolutionNotes: "n" },
          now,
        ),
      ).message,
    ).toMatch(/not a problem resolution code/);
  });

  it("REC-4: resolving or closing a problem needs resolution notes too", () => {
    for (const notes of [undefined, "", "   "]) {
      const e = refusal(() =>
        planProblemState(
          at(S.FixInProgress),
          { state: S.Resolved, resolutionCode: "Risk Accepted", resolutionNotes: notes },
          now,
        ),
      );
      expect(e).toMatchObject({
        field: "resolutionNotes",
        message: "Resolution notes are required to resolve a problem.",
      });
    }
    // Closing a Resolved problem whose notes were emptied in the same edit is refused as well.
    expect(
      refusal(() =>
        planProblemState(
          at(S.Resolved, "Duplicate", "Same as PRB1"),
          { state: S.Closed, resolutionNotes: "" },
          now,
        ),
      ).field,
    ).toBe("resolutionNotes");
    expect(
      planProblemState(
        at(S.FixInProgress),
        { state: S.Resolved, resolutionCode: "Risk Accepted", resolutionNotes: "  Accepted by the CAB  " },
        now,
      ),
    ).toEqual({
      state: S.Resolved,
      resolutionCode: "Risk Accepted",
      resolutionNotes: "Accepted by the CAB",
      resolvedAt: now,
    });
    // Notes already stored are kept when closing.
    expect(planProblemState(at(S.Resolved, "Duplicate", "Same as PRB1"), { state: S.Closed }, now)).toEqual({
      state: S.Closed,
      closedAt: now,
    });
  });
});
