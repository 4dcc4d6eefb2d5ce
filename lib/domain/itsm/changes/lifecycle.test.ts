import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { ChangeState as S } from "../../records/choices";
import { assertTransition, legalNextStates } from "../../records/state-machine";
import { changeLifecycle, planChangeState } from "./lifecycle";

const now = new Date("2026-01-01T00:00:00Z");
const walk = (type: "normal" | "standard" | "emergency") => {
  const lc = changeLifecycle(type);
  const path: number[] = [S.New];
  while (legalNextStates(lc, path.at(-1)!).length) path.push(legalNextStates(lc, path.at(-1)!)[0]);
  return path;
};

describe("change lifecycles (REC-3)", () => {
  it("REC-3: a normal change goes New → Assess → Authorize → Scheduled → Implement → Review → Closed", () => {
    expect(walk("normal")).toEqual([
      S.New,
      S.Assess,
      S.Authorize,
      S.Scheduled,
      S.Implement,
      S.Review,
      S.Closed,
    ]);
  });

  it("REC-3: a standard change skips Assess and Authorize", () => {
    expect(walk("standard")).toEqual([S.New, S.Scheduled, S.Implement, S.Review, S.Closed]);
    expect(refusal(() => assertTransition(changeLifecycle("standard"), S.New, S.Assess)).message).toBe(
      "A standard change cannot move from New to Assess.",
    );
  });

  it("REC-3: an emergency change skips Assess only", () => {
    expect(walk("emergency")).toEqual([S.New, S.Authorize, S.Scheduled, S.Implement, S.Review, S.Closed]);
  });

  it.each([[S.New], [S.Assess], [S.Scheduled], [S.Review]])(
    "REC-3: an open normal change (%i) can be canceled",
    (from) => {
      expect(
        planChangeState(
          { state: from, type: "normal", closeCode: null, closeNotes: null },
          { state: S.Canceled },
          now,
        ).state,
      ).toBe(S.Canceled);
    },
  );

  it.each([
    [S.Closed, S.Review],
    [S.Canceled, S.New],
    [S.Closed, S.Canceled],
    [S.New, S.Scheduled],
    [S.Review, S.Implement],
  ])("REC-3: normal %i → %i is refused", (from, to) => {
    expect(
      refusal(() =>
        planChangeState(
          { state: from, type: "normal", closeCode: "Successful", closeNotes: "x" },
          { state: to },
          now,
        ),
      ).field,
    ).toBe("state");
  });

  it("closing needs a close code and close notes", () => {
    const review = { state: S.Review, type: "normal", closeCode: null, closeNotes: null };
    expect(refusal(() => planChangeState(review, { state: S.Closed, closeNotes: "done" }, now)).field).toBe(
      "closeCode",
    );
    expect(
      refusal(() => planChangeState(review, { state: S.Closed, closeCode: "Successful" }, now)).field,
    ).toBe("closeNotes");
    expect(
      planChangeState(review, { state: S.Closed, closeCode: "Successful", closeNotes: "done" }, now),
    ).toEqual({ state: S.Closed, closeCode: "Successful", closeNotes: "done", closedAt: now });
  });
});
