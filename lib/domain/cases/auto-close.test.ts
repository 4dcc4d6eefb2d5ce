import { describe, expect, it } from "vitest";
import { CaseState as S } from "../records/choices";
import { autoCloseCutoff, autoCloseDays, autoCloseNote, isDueForAutoClose } from "./auto-close";

const now = new Date("2026-03-10T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 60 * 60 * 1000);

describe("automatic close of Resolved cases (POR-1)", () => {
  it("POR-1: 0, blank or nonsense days turn it off", () => {
    expect(["0", "", "  ", undefined, "-3", "seven", "1.5"].map(autoCloseDays)).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(autoCloseDays(" 7 ")).toBe(7);
    expect(autoCloseCutoff(0, now)).toBeNull();
    expect(autoCloseCutoff(7, now)).toEqual(daysAgo(7));
  });

  it("POR-1: a case resolved N days ago without a customer answer is due; younger, answered, or not Resolved is not", () => {
    const cutoff = autoCloseCutoff(7, now);
    const resolved = { state: S.Resolved, resolvedAt: daysAgo(8), lastCustomerAnswerAt: null };
    expect(isDueForAutoClose(resolved, cutoff)).toBe(true);
    expect(isDueForAutoClose({ ...resolved, resolvedAt: daysAgo(7) }, cutoff)).toBe(true);
    expect(isDueForAutoClose({ ...resolved, resolvedAt: daysAgo(6) }, cutoff)).toBe(false);
    expect(isDueForAutoClose({ ...resolved, lastCustomerAnswerAt: daysAgo(2) }, cutoff)).toBe(false);
    // An answer from before the resolution does not count: the solution came after it.
    expect(isDueForAutoClose({ ...resolved, lastCustomerAnswerAt: daysAgo(9) }, cutoff)).toBe(true);
    expect(isDueForAutoClose({ ...resolved, state: S.Open }, cutoff)).toBe(false);
    expect(isDueForAutoClose({ ...resolved, state: S.Closed }, cutoff)).toBe(false);
    expect(isDueForAutoClose({ ...resolved, resolvedAt: null }, cutoff)).toBe(false);
    expect(isDueForAutoClose(resolved, autoCloseCutoff(0, now))).toBe(false);
  });

  it("POR-1: the note names the number of days", () => {
    expect(autoCloseNote(7)).toBe("Closed automatically after 7 days without a customer answer.");
    expect(autoCloseNote(1)).toBe("Closed automatically after 1 day without a customer answer.");
  });
});
