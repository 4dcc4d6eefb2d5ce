import { describe, expect, it } from "vitest";
import { CaseState as S } from "../records/choices";
import { childPatch, confirmMessage, reachedStates } from "./field-sync";

const now = new Date("2026-01-01T00:00:00Z");
const DEFAULT = ["priority", "state", "comments", "work_notes", "close_notes", "resolution_code"];

describe("major case field sync (MAJ-5)", () => {
  it("MAJ-5: listed fields are copied; unlisted ones are not", () => {
    expect(childPatch({ priority: 1, shortDescription: "x" }, DEFAULT, now)).toEqual({ priority: 1 });
    expect(
      childPatch({ priority: 1, shortDescription: "x" }, [...DEFAULT, "short_description"], now),
    ).toEqual({ priority: 1, shortDescription: "x" });
    expect(childPatch({ priority: 1 }, ["state"], now)).toEqual({});
  });

  it("MAJ-5: resolving copies the state with the resolution code and notes", () => {
    expect(
      childPatch(
        { state: S.Resolved, resolutionCode: "Solved (Permanently)", resolutionNotes: "Fixed" },
        DEFAULT,
        now,
      ),
    ).toEqual({
      state: S.Resolved,
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Fixed",
      resolvedAt: now,
    });
  });

  it("MAJ-5: closing the major case closes its children even when state is not listed", () => {
    expect(childPatch({ state: S.Closed }, ["priority"], now)).toEqual({ state: S.Closed, closedAt: now });
  });

  it("MAJ-5 / REC-4: children resolved or closed by the major case get its resolution code and notes", () => {
    const resolution = { resolutionCode: "Solved (Permanently)", resolutionNotes: "Fixed" };
    expect(childPatch({ state: S.Closed }, ["priority"], now, resolution)).toEqual({
      state: S.Closed,
      closedAt: now,
      ...resolution,
    });
    expect(childPatch({ state: S.Resolved }, DEFAULT, now, resolution)).toEqual({
      state: S.Resolved,
      resolvedAt: now,
      ...resolution,
    });
    expect(childPatch({ priority: 2 }, DEFAULT, now, resolution)).toEqual({ priority: 2 });
  });

  it("MAJ-5: changes reach New, Open and Awaiting Info children; closing reaches Resolved ones too", () => {
    const all = [S.New, S.Open, S.AwaitingInfo, S.Resolved, S.Closed, S.Cancelled];
    expect(all.filter((s) => reachedStates({ priority: 1 }).includes(s))).toEqual([
      S.New,
      S.Open,
      S.AwaitingInfo,
    ]);
    expect(all.filter((s) => reachedStates({ state: S.Cancelled }).includes(s))).toEqual([
      S.New,
      S.Open,
      S.AwaitingInfo,
    ]);
    expect(all.filter((s) => reachedStates({ state: S.Closed }).includes(s))).toEqual([
      S.New,
      S.Open,
      S.AwaitingInfo,
      S.Resolved,
    ]);
  });

  it("MAJ-5: the one confirmation also names what the same save copies and releases", () => {
    expect(confirmMessage(3, { patch: { state: S.AwaitingInfo }, copies: ["comments"] })).toBe(
      "This will update 3 child cases: each open one becomes Awaiting Info; each open one also gets " +
        "the additional comment (emailed to its customer).",
    );
    expect(confirmMessage(1, { patch: { state: S.Cancelled }, released: 2 })).toBe(
      "This will update 1 child case: each open one becomes Cancelled; 2 other child cases are released: " +
        "each becomes an ordinary case again.",
    );
  });

  it("MAJ-5: the confirmation names the number of children and what the change does to them", () => {
    expect(confirmMessage(12, { patch: { priority: 1 } })).toBe(
      "This will update 12 child cases: each open one gets the new priority.",
    );
    expect(confirmMessage(1, { patch: { priority: 1, urgency: 1, impact: 1 } })).toBe(
      "This will update 1 child case: each open one gets the new priority, impact and urgency.",
    );
    // Closing reaches Resolved children too — the dialog said they were left alone.
    expect(confirmMessage(2, { patch: childPatch({ state: S.Closed }, [], new Date()) })).toBe(
      "This will update 2 child cases: each is closed with the major case's resolution, Resolved ones too.",
    );
    expect(confirmMessage(2, { patch: { state: S.Resolved, priority: 2 } })).toBe(
      "This will update 2 child cases: each open one is resolved with the major case's resolution, " +
        "and the new priority.",
    );
    // Resolution notes typed on an Open major case (the default property lists close_notes).
    const DEFAULT = ["priority", "state", "close_notes", "resolution_code", "comments", "work_notes"];
    expect(confirmMessage(2, { patch: childPatch({ resolutionNotes: "x" }, DEFAULT, new Date()) })).toBe(
      "This will update 2 child cases: each open one gets the new resolution notes.",
    );
    expect(
      confirmMessage(2, {
        patch: childPatch(
          { state: S.Resolved, resolutionCode: "c", resolutionNotes: "n" },
          DEFAULT,
          new Date(),
          {
            resolutionCode: "c",
            resolutionNotes: "n",
          },
        ),
      }),
    ).toBe("This will update 2 child cases: each open one is resolved with the major case's resolution.");
    expect(confirmMessage(3, { patch: { state: S.AwaitingInfo } })).toBe(
      "This will update 3 child cases: each open one becomes Awaiting Info.",
    );
    expect(confirmMessage(2, { journal: ["comments", "work_notes"] })).toBe(
      "This will update 2 child cases: each open one gets the additional comment (emailed to its customer) " +
        "and the work note.",
    );
  });
});
