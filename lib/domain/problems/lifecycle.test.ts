import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { planProblemState, ProblemState as S } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");
const at = (state: number, resolutionCode: string | null = null) => ({ state, resolutionCode });
const refusal = (fn: () => unknown) => { try { fn(); } catch (e) { if (e instanceof DomainError) return e; throw e; } throw new Error("expected a refusal"); };

describe("problem lifecycle (REC-3)", () => {
  it.each([
    [S.New, S.Assess], [S.Assess, S.RootCauseAnalysis], [S.RootCauseAnalysis, S.FixInProgress], [S.FixInProgress, S.Resolved],
    [S.New, S.Resolved], [S.Assess, S.Resolved], [S.Resolved, S.Closed], [S.Resolved, S.RootCauseAnalysis],
  ])("REC-3: %i → %i is legal", (from, to) => {
    expect(planProblemState(at(from, "Fix Applied"), { state: to, resolutionCode: "Fix Applied" }, now).state).toBe(to);
  });

  it.each([
    [S.New, S.FixInProgress], [S.Assess, S.New], [S.FixInProgress, S.Assess], [S.Closed, S.Resolved], [S.Closed, S.New], [S.New, S.Closed],
  ])("REC-3: %i → %i is refused", (from, to) => {
    expect(refusal(() => planProblemState(at(from, "Fix Applied"), { state: to, resolutionCode: "Fix Applied" }, now)).field).toBe("state");
  });

  it("resolving needs a known resolution code", () => {
    expect(refusal(() => planProblemState(at(S.FixInProgress), { state: S.Resolved }, now)).field).toBe("resolutionCode");
    expect(refusal(() => planProblemState(at(S.FixInProgress), { state: S.Resolved, resolutionCode: "Magic" }, now)).message).toMatch(/not a problem resolution code/);
    expect(planProblemState(at(S.FixInProgress), { state: S.Resolved, resolutionCode: "Risk Accepted" }, now)).toEqual({ state: S.Resolved, resolutionCode: "Risk Accepted", resolvedAt: now });
  });
});
