import { describe, expect, it } from "vitest";
import { SELECT_LIMIT, selectOrTypeahead } from "./select-limit";

describe("select or typeahead (SET-3: an account's 10,000 contacts)", () => {
  it("SET-2 / SET-3: up to the limit the choices are a select; one more and the field is a typeahead", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i, label: `c${i}` }));
    expect(selectOrTypeahead(rows(0))).toEqual([]);
    expect(selectOrTypeahead(rows(SELECT_LIMIT))).toHaveLength(SELECT_LIMIT);
    expect(selectOrTypeahead(rows(SELECT_LIMIT + 1))).toBeNull();
  });
});
