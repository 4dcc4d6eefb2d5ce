import { describe, expect, it } from "vitest";
import { workerCount } from "./workers.mjs";

describe("OPS-1: the number of workers", () => {
  it("OPS-1: WEB_CONCURRENCY, else one per core; a value that is no whole number from 1 is refused by name", () => {
    expect(workerCount({}, 4)).toBe(4);
    expect(workerCount({ WEB_CONCURRENCY: " 2 " }, 4)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: "" }, 0)).toBe(1);
    for (const bad of ["auto", "0", "1.5", "-2", "300"])
      expect(() => workerCount({ WEB_CONCURRENCY: bad }, 4)).toThrow(
        /^WEB_CONCURRENCY must be a whole number/,
      );
  });
});
