import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  CaseResolutionCode as C,
  CaseState,
  ChangeState,
  IncidentState,
  ProblemState,
} from "../records/choices";
import {
  assertResolutionCodeFits,
  fittingRelatedCodes,
  suggestResolution,
  type RelatedState,
} from "./resolution-codes";

const none: RelatedState = { incident: null, problem: null, change: null, requests: [] };
const problem = (state: number, workaround = "") => ({
  ...none,
  problem: { number: "PRB0040001", state, workaround, shortDescription: "Disk full" },
});
const refusal = (code: string, r: RelatedState) => {
  try {
    assertResolutionCodeFits(code, r);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  return null;
};

describe("case resolution codes (ITSM-4)", () => {
  it("ITSM-4: the validity table", () => {
    const table: [string, RelatedState, boolean][] = [
      [C.FixedByProblem, none, false],
      [C.FixedByProblem, problem(ProblemState.RootCauseAnalysis), false],
      [C.FixedByProblem, problem(ProblemState.Resolved), true],
      [C.FixedByProblem, problem(ProblemState.Closed), true],
      [C.WorkaroundFromProblem, problem(ProblemState.RootCauseAnalysis), false],
      [C.WorkaroundFromProblem, problem(ProblemState.RootCauseAnalysis, "restart it"), true],
      [C.WorkaroundFromProblem, problem(ProblemState.Resolved, "restart it"), false],
      [C.FixedByChange, { ...none, change: { number: "CHG0030001", state: ChangeState.Review } }, false],
      [C.FixedByChange, { ...none, change: { number: "CHG0030001", state: ChangeState.Closed } }, true],
      [
        C.FixedByIncident,
        { ...none, incident: { number: "INC0010001", state: IncidentState.OnHold } },
        false,
      ],
      [
        C.FixedByIncident,
        { ...none, incident: { number: "INC0010001", state: IncidentState.Resolved } },
        true,
      ],
      [
        C.RequestClosedComplete,
        { ...none, requests: [{ number: "REQ0010001", state: "closed_incomplete" }] },
        false,
      ],
      [
        C.RequestClosedComplete,
        {
          ...none,
          requests: [
            { number: "REQ0010001", state: "in_process" },
            { number: "REQ0010002", state: "closed_complete" },
          ],
        },
        true,
      ],
      ["Solved (Permanently)", none, true],
    ];
    for (const [code, related, ok] of table) expect(refusal(code, related) === null, `${code}`).toBe(ok);
  });

  it("ITSM-4: the refusal names the field and says why", () => {
    const e = refusal(C.FixedByProblem, problem(ProblemState.FixInProgress))!;
    expect(e.field).toBe("resolutionCode");
    expect(e.message).toBe(
      "“Solved – Fixed by closing related PRB” cannot be used yet: " +
        "PRB0040001 is Fix in Progress; it must be Resolved or Closed.",
    );
    expect(refusal(C.WorkaroundFromProblem, problem(ProblemState.Assess))!.message).toMatch(
      /PRB0040001 has no workaround yet/,
    );
  });

  it("ITSM-4: fitting codes follow the records", () => {
    expect(fittingRelatedCodes(problem(ProblemState.RootCauseAnalysis, "purge the queue"))).toEqual([
      C.WorkaroundFromProblem,
    ]);
  });

  it("ITSM-4: a closed related record suggests its code, prefilled", () => {
    expect(suggestResolution(CaseState.Open, problem(ProblemState.Closed))).toEqual({
      resolutionCode: C.FixedByProblem,
      resolutionNotes: "Fixed by PRB0040001: Disk full.",
      because: "PRB0040001 is Closed",
    });
    expect(
      suggestResolution(CaseState.Open, {
        ...none,
        change: { number: "CHG0030009", state: ChangeState.Closed },
      })?.resolutionCode,
    ).toBe(C.FixedByChange);
    expect(suggestResolution(CaseState.Open, problem(ProblemState.Assess))).toBeNull();
    expect(suggestResolution(CaseState.Resolved, problem(ProblemState.Closed))).toBeNull();
  });

  it("ITSM-4: a record closed without a fix (Canceled problem, Unsuccessful change, Duplicate incident) suggests nothing", () => {
    const canceled = {
      number: "PRB0040002",
      state: ProblemState.Closed,
      workaround: "",
      outcome: "Canceled",
    };
    const unsuccessful = { number: "CHG0030010", state: ChangeState.Closed, outcome: "Unsuccessful" };
    const duplicate = { number: "INC0010009", state: IncidentState.Resolved, outcome: "Duplicate" };
    expect(suggestResolution(CaseState.Open, { ...none, problem: canceled })).toBeNull();
    expect(suggestResolution(CaseState.Open, { ...none, change: unsuccessful })).toBeNull();
    expect(suggestResolution(CaseState.Open, { ...none, incident: duplicate })).toBeNull();
    // The next record that was a fix is suggested instead.
    const fixedIncident = { ...duplicate, outcome: "Solution provided" };
    expect(
      suggestResolution(CaseState.Open, {
        ...none,
        problem: canceled,
        change: unsuccessful,
        incident: fixedIncident,
      })?.resolutionCode,
    ).toBe(C.FixedByIncident);
    const fixApplied = { ...canceled, outcome: "Fix Applied" };
    expect(suggestResolution(CaseState.Open, { ...none, problem: fixApplied })?.resolutionCode).toBe(
      C.FixedByProblem,
    );
    // The code is still accepted by state (ITSM-4's rule): the agent may choose it.
    expect(refusal(C.FixedByChange, { ...none, change: unsuccessful })).toBeNull();
  });
});
