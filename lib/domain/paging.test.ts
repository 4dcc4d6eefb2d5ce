import { describe, expect, it } from "vitest";
import { COUNT_CAP, countCapFor, pageRange, TEXT_COUNT_CAP } from "./paging";

describe("a list's pagination (WRK-4)", () => {
  it("WRK-4: rows shown, pages, and where Previous and Next lead", () => {
    expect(pageRange(1, 50, 240)).toEqual({ pages: 5, from: 1, to: 50, previous: null, next: 2 });
    expect(pageRange(5, 50, 240)).toEqual({ pages: 5, from: 201, to: 240, previous: 4, next: null });
    expect(pageRange(1, 50, 0)).toEqual({ pages: 1, from: 0, to: 0, previous: null, next: null });
    expect(pageRange(2, 50, 10_000, true)).toMatchObject({ from: 51, to: 100, next: 3 });
  });

  it("WRK-4: a page after the last shows no rows and Previous leads to the last page", () => {
    // It said "4,901–6 of 6", "Page 99 of 1", and Previous went to page 98.
    expect(pageRange(99, 50, 6)).toEqual({ pages: 1, from: 0, to: 0, previous: 1, next: null });
    expect(pageRange(7, 50, 240)).toEqual({ pages: 5, from: 0, to: 0, previous: 5, next: null });
  });

  it("PERF-1 / WRK-4: the count reaches past the page read, so paging past the cap ends at the last row", () => {
    expect(countCapFor("")).toBe(COUNT_CAP);
    expect(countCapFor("printer", 2, 50)).toBe(TEXT_COUNT_CAP);
    expect(countCapFor("printer", 21, 50)).toBe(1_100);
    // 1,500 matches of a word search: page 21 counts to 1,100 (more follow), page 30 counts them all.
    const at = (page: number) => {
      const cap = countCapFor("printer", page, 50);
      return pageRange(page, 50, Math.min(1_500, cap), 1_500 > cap);
    };
    expect(at(21)).toMatchObject({ from: 1_001, to: 1_050, next: 22 });
    expect(at(30)).toMatchObject({ pages: 30, from: 1_451, to: 1_500, next: null });
    // It said "1,501–1,000 of 1,000+" on page 31 and offered Next for ever.
    expect(at(31)).toMatchObject({ from: 0, to: 0, previous: 30, next: null });
  });
});
