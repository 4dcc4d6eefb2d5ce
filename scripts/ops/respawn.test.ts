import { describe, expect, it } from "vitest";
import { respawnDelays } from "./respawn.mjs";

describe("OPS-1: re-forking a worker that exited", () => {
  it("OPS-1: a worker that lived a while comes back at once; quick deaths in a row wait longer, up to 30 s", () => {
    const delay = respawnDelays();
    expect(delay(60_000)).toBe(0);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => delay(800))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(delay(10_000)).toBe(0); // it stayed up: the next quick death starts over
    expect(delay(100)).toBe(500);
  });

  it("OPS-1: quick deaths far apart (a healthy cluster, days between) do not add up", () => {
    const delay = respawnDelays();
    const day = 24 * 3_600_000;
    expect([0, 1, 2, 3].map((d) => delay(800, d * day))).toEqual([500, 500, 500, 500]);
    expect(delay(800, 3 * day + 1_000)).toBe(1_000); // a second one right after is a run
  });
});
