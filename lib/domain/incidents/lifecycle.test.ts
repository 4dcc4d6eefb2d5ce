import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { IncidentState as S } from "../records/choices";
import { planIncidentState } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");
const base = { state: S.InProgress, onHoldReason: null, resolutionCode: null, resolutionNotes: null };
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected an error");
};

describe("incident lifecycle (INC-8)", () => {
  it("INC-8: On Hold needs an on hold reason, and keeps it", () => {
    expect(error(() => planIncidentState(base, { state: S.OnHold }, now))?.field).toBe("onHoldReason");
    expect(planIncidentState(base, { state: S.OnHold, onHoldReason: 4 }, now)).toEqual({
      state: S.OnHold,
      onHoldReason: 4,
    });
  });

  it("INC-8: leaving On Hold clears the reason", () => {
    expect(
      planIncidentState({ ...base, state: S.OnHold, onHoldReason: 4 }, { state: S.InProgress }, now),
    ).toEqual({ state: S.InProgress, onHoldReason: null });
  });

  it("INC-8: resolving needs a known resolution code and notes", () => {
    expect(
      error(() => planIncidentState(base, { state: S.Resolved, resolutionNotes: "n" }, now))?.field,
    ).toBe("resolutionCode");
    expect(
      error(() =>
        planIncidentState(base, { state: S.Resolved, resolutionCode: "Nope", resolutionNotes: "n" }, now),
      )?.field,
    ).toBe("resolutionCode");
    expect(
      error(() => planIncidentState(base, { state: S.Resolved, resolutionCode: "Solution provided" }, now))
        ?.field,
    ).toBe("resolutionNotes");
    expect(
      planIncidentState(
        base,
        { state: S.Resolved, resolutionCode: "Solution provided", resolutionNotes: "done" },
        now,
      ),
    ).toEqual({
      state: S.Resolved,
      resolutionCode: "Solution provided",
      resolutionNotes: "done",
      resolvedAt: now,
    });
  });

  it.each([
    [S.Closed, S.InProgress],
    [S.Canceled, S.New],
    [S.Resolved, S.OnHold],
    [S.InProgress, S.New],
    [S.New, S.Closed],
  ])("REC-3: %i → %i is refused", (from, to) => {
    expect(
      error(() => planIncidentState({ ...base, state: from }, { state: to, onHoldReason: 1 }, now))?.message,
    ).toMatch(/cannot move/);
  });

  it("REC-3: Resolved → Closed keeps the resolution; Resolved → In Progress reopens", () => {
    const resolved = {
      ...base,
      state: S.Resolved,
      resolutionCode: "Solution provided",
      resolutionNotes: "done",
    };
    expect(planIncidentState(resolved, { state: S.Closed }, now)).toEqual({ state: S.Closed, closedAt: now });
    expect(planIncidentState(resolved, { state: S.InProgress }, now)).toEqual({
      state: S.InProgress,
      resolvedAt: null,
    });
  });

  it("INC-8: an illegal move is refused in plain English (An incident …)", () => {
    const e = error(() => planIncidentState({ ...base, state: S.New }, { state: S.Closed }, now));
    expect(e?.message).toBe("An incident cannot move from New to Closed.");
  });
});
