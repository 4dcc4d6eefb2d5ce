import { describe, expect, it } from "vitest";
import { pageRange } from "./paging";

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
});
