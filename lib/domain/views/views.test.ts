import { describe, expect, it } from "vitest";
import { caseListSchema } from "../cases/schemas";
import { canonicalCaseQuery, caseListQuery, caseViewHref, saveViewSchema } from "./views";

describe("saved view queries (WRK-4)", () => {
  it("WRK-4: only case-list filter keys are kept, in the list's order; the page and bad values go", () => {
    expect(canonicalCaseQuery("?sort=number&page=2&x=1&group=7&assignedTo=me&proactive=2")).toBe(
      "assignedTo=me&group=7&sort=number",
    );
    expect(canonicalCaseQuery("")).toBe("");
    expect(caseViewHref("state=open", 4)).toBe("/cases?state=open&view=4");
    expect(caseViewHref("")).toBe("/cases");
  });

  it("WRK-4: the list's own reading of its filter gives the query a view stores", () => {
    const raw = { sort: "-priority", page: "3", q: " VPN ", account: "7", state: "open", replied: "1" };
    const query = new URLSearchParams(raw).toString();
    expect(caseListQuery(caseListSchema.parse(raw))).toBe(canonicalCaseQuery(query));
    expect(caseListQuery(caseListSchema.parse(raw))).toBe(
      "q=VPN&state=open&account=7&replied=1&sort=-priority",
    );
  });

  it("WRK-4: a name is required and at most 60 characters; a filter with a control character is refused", () => {
    expect(saveViewSchema.safeParse({ name: " ", query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "x".repeat(61), query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "Mine", query: "state=open\u0000" }).success).toBe(false);
  });
});
