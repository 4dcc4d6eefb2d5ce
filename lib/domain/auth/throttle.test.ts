import { describe, expect, it } from "vitest";
import { blockMs, decideAttempt, THROTTLE, waitFor, windowExpired } from "./throttle";

const now = new Date("2026-11-22T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("sign-in throttle rule (REL-5)", () => {
  it("REL-5: the first four attempts are checked with no block; the fifth is checked and starts one", () => {
    for (let n = 1; n < 5; n++)
      expect(decideAttempt({ failures: n, blockedUntil: null }, now)).toEqual({
        check: true,
        blockedUntil: null,
      });
    expect(decideAttempt({ failures: 5, blockedUntil: null }, now)).toEqual({
      check: true,
      blockedUntil: later(30_000),
    });
  });

  it("REL-5: during a block attempts are refused unchecked and extend it, doubling, capped at 15 minutes", () => {
    expect(decideAttempt({ failures: 6, blockedUntil: later(20_000) }, now)).toEqual({
      check: false,
      blockedUntil: later(60_000),
    });
    expect(decideAttempt({ failures: 7, blockedUntil: later(200_000) }, now)).toEqual({
      check: false,
      blockedUntil: later(200_000),
    });
    expect(decideAttempt({ failures: 40, blockedUntil: later(1) }, now)).toEqual({
      check: false,
      blockedUntil: later(THROTTLE.maxBlockMs),
    });
  });

  it("REL-5: after a block has passed one attempt is checked, and it blocks again for longer", () => {
    expect(decideAttempt({ failures: 6, blockedUntil: later(-1) }, now)).toEqual({
      check: true,
      blockedUntil: later(60_000),
    });
  });

  it("REL-5: block lengths and the per-address allowance", () => {
    expect([5, 6, 7, 8, 9, 10, 1000].map((n) => blockMs(n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
    expect(decideAttempt({ failures: 49, blockedUntil: null }, now, 50)).toEqual({
      check: true,
      blockedUntil: null,
    });
    expect(decideAttempt({ failures: 50, blockedUntil: null }, now, 50).blockedUntil).toEqual(later(30_000));
  });

  it("REL-5: a window starts again after 15 minutes, but not while a block runs", () => {
    const old = { failures: 9, windowStart: later(-16 * 60_000), blockedUntil: null };
    expect(windowExpired(old, now)).toBe(true);
    expect(windowExpired({ ...old, blockedUntil: later(1000) }, now)).toBe(false);
    expect(windowExpired({ ...old, windowStart: later(-60_000) }, now)).toBe(false);
    expect(waitFor({ blockedUntil: later(1500) }, now)).toBe(1500);
    expect(waitFor(null, now)).toBe(0);
  });
});
