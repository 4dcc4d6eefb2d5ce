import { describe, expect, it } from "vitest";
import { firstValues, hrefWith } from "./query-string";

describe("list page links", () => {
  it("keeps the filters that have a value, encoded, and drops empty ones", () => {
    expect(
      hrefWith("/cases", { q: "mail & relay", state: "open", account: undefined, page: 2, sort: "" }),
    ).toBe("/cases?q=mail+%26+relay&state=open&page=2");
    expect(hrefWith("/admin/outbox", { status: null })).toBe("/admin/outbox");
    expect(hrefWith("/api/lookup/users", { limit: 0 })).toBe("/api/lookup/users?limit=0");
  });

  it("reads the first value of a repeated search parameter", () => {
    expect(firstValues({ q: ["a", "b"], page: "3", state: undefined })).toEqual({
      q: "a",
      page: "3",
      state: undefined,
    });
  });
});
