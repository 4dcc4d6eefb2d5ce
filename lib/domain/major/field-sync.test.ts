import { describe, expect, it } from "vitest";
import { CaseState as S } from "../records/choices";
import { childPatch, confirmMessage, receivesSync } from "./field-sync";

const now = new Date("2026-01-01T00:00:00Z");
const DEFAULT = ["priority", "state", "comments", "work_notes", "close_notes", "resolution_code"];

describe("major case field sync (MAJ-5)", () => {
  it("MAJ-5: listed fields are copied; unlisted ones are not", () => {
    expect(childPatch({ priority: 1, shortDescription: "x" }, DEFAULT, now)).toEqual({ priority: 1 });
    expect(childPatch({ priority: 1, shortDescription: "x" }, [...DEFAULT, "short_description"], now)).toEqual({ priority: 1, shortDescription: "x" });
    expect(childPatch({ priority: 1 }, ["state"], now)).toEqual({});
  });

  it("MAJ-5: resolving copies the state with the resolution code and notes", () => {
    expect(childPatch({ state: S.Resolved, resolutionCode: "Solved (Permanently)", resolutionNotes: "Fixed" }, DEFAULT, now)).toEqual({
      state: S.Resolved, resolutionCode: "Solved (Permanently)", resolutionNotes: "Fixed", resolvedAt: now,
    });
  });

  it("MAJ-5: closing the major case closes its children even when state is not listed", () => {
    expect(childPatch({ state: S.Closed }, ["priority"], now)).toEqual({ state: S.Closed, closedAt: now });
  });

  it("MAJ-5: only New, Open and Awaiting Info children receive changes", () => {
    expect([S.New, S.Open, S.AwaitingInfo, S.Resolved, S.Closed, S.Cancelled].map(receivesSync)).toEqual([true, true, true, false, false, false]);
  });

  it("MAJ-5: the confirmation names the number of children", () => {
    expect(confirmMessage(12)).toBe("This will update 12 child cases.");
    expect(confirmMessage(1)).toBe("This will update 1 child case.");
  });
});
