import { describe, expect, it } from "vitest";
import { formatNumber, mayBeInNumber } from "./numbering";

describe("text a number may hold (lib/domain/records/numbering.ts)", () => {
  it("REC-1 / PERF-8: a part of a number, in any ASCII case, may be in one", () => {
    const number = formatNumber("case", 5_001_234); // CS5001234
    // Every piece of a real number says yes (what ILIKE '%piece%' would find in it).
    for (let from = 0; from < number.length; from++)
      for (let to = from + 1; to <= number.length; to++) {
        const piece = number.slice(from, to);
        expect(mayBeInNumber("case", piece), piece).toBe(true);
        expect(mayBeInNumber("case", piece.toLowerCase()), piece).toBe(true);
      }
    expect(mayBeInNumber("workOrder", "o00")).toBe(true);
    expect(mayBeInNumber("workOrder", "WO")).toBe(true);
    // PostgreSQL lowercases U+0130 to i and the Kelvin sign to k: ILIKE finds INC in "İNC".
    expect(mayBeInNumber("incident", "\u0130NC5")).toBe(true);
    expect(mayBeInNumber("incident", "\u0131NC5")).toBe(false); // dotless ı stays ı
  });

  it("REC-1 / PERF-8: text no number can hold says no", () => {
    for (const text of [
      "VPN",
      "printer",
      "CS 50",
      "SC5",
      "CS5x",
      "5C",
      "WO12",
      "%",
      "_1",
      "１２",
      "ſ00",
      "C-1",
    ])
      expect(mayBeInNumber("case", text), text).toBe(false);
    expect(mayBeInNumber("workOrder", "CS5")).toBe(false);
    expect(mayBeInNumber("workOrder", "T1")).toBe(false);
  });
});
