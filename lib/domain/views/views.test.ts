import { describe, expect, it } from "vitest";
import { canonicalCaseQuery, caseViewHref, saveViewSchema } from "./views";

describe("saved view queries (WRK-4)", () => {
  it("WRK-4: only case-list filter keys are kept, in the list's order; the page and bad values go", () => {
    expect(canonicalCaseQuery("?sort=number&page=2&x=1&group=7&assignedTo=me&proactive=2")).toBe(
      "assignedTo=me&group=7&sort=number",
    );
    expect(canonicalCaseQuery("")).toBe("");
    expect(caseViewHref("state=open", 4)).toBe("/cases?state=open&view=4");
    expect(caseViewHref("")).toBe("/cases");
  });

  it("WRK-4: a name is required and at most 60 characters; a filter with a control character is refused", () => {
    expect(saveViewSchema.safeParse({ name: " ", query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "x".repeat(61), query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "Mine", query: "state=open\u0000" }).success).toBe(false);
  });
});
