import { describe, expect, it } from "vitest";
import { safeReturnTo, signInHref } from "./return-to";

describe("back to the page after sign-in (POR-1, WRK-2)", () => {
  it("POR-1: a page of this site, with its query, is where sign-in returns to", () => {
    expect(safeReturnTo("/portal/cases/CS0001001")).toBe("/portal/cases/CS0001001");
    expect(safeReturnTo("/cases?state=open&page=2")).toBe("/cases?state=open&page=2");
    expect(safeReturnTo("/cases/CS0001001?_rsc=1x2y")).toBe("/cases/CS0001001");
    expect(signInHref("/portal/cases/CS0001001")).toBe("/login?next=%2Fportal%2Fcases%2FCS0001001");
  });

  it("REL-1: another origin, the sign-in page, an API route or anything not a path is never followed", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "cases",
      "/login",
      "/login?next=/cases",
      "/api/now/table/incident",
      "/",
      "/cases\n/x",
      `/${"x".repeat(2_000)}`,
      null,
      ["/cases"],
    ])
      expect(safeReturnTo(bad), String(bad)).toBeNull();
    expect(signInHref("//evil.example")).toBe("/login");
    expect(signInHref(null)).toBe("/login");
  });
});
