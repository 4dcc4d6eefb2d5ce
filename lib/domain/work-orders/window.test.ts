import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { checkWindow } from "./window";

const none = { windowStart: null, windowEnd: null };
const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
const refusal = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.field}: ${e.message}` : String(e);
  }
};

describe("appointment window (FSM-3)", () => {
  it("FSM-3: start before end is accepted; both blank is no window", () => {
    expect(checkWindow(none, { windowStart: at(9), windowEnd: at(11) })).toEqual({
      windowStart: at(9),
      windowEnd: at(11),
    });
    expect(checkWindow(none, {})).toEqual(none);
  });

  it("FSM-3 / REL-1: an end before or equal to the start, or one end only, is refused naming the field", () => {
    expect(refusal(() => checkWindow(none, { windowStart: at(11), windowEnd: at(9) }))).toBe(
      "windowEnd: The appointment window must end after it starts.",
    );
    expect(refusal(() => checkWindow(none, { windowStart: at(9), windowEnd: at(9) }))).toMatch(/^windowEnd:/);
    expect(refusal(() => checkWindow(none, { windowStart: at(9) }))).toMatch(
      /^windowEnd: Give the appointment window an end/,
    );
    expect(refusal(() => checkWindow(none, { windowEnd: at(9) }))).toMatch(/^windowStart:/);
  });

  it("FSM-3: an edit of one end is checked against the stored other end", () => {
    const stored = { windowStart: at(9), windowEnd: at(11) };
    expect(checkWindow(stored, { windowEnd: at(12) })).toEqual({ windowStart: at(9), windowEnd: at(12) });
    expect(refusal(() => checkWindow(stored, { windowStart: at(12) }))).toMatch(/^windowEnd:/);
    expect(checkWindow(stored, { windowStart: null, windowEnd: null })).toEqual(none);
  });
});
