import { describe, expect, it } from "vitest";
import { NOBODY_PICKED } from "../assignment/nobody-picked";
import { CaseState } from "../records/choices";
import { BULK_TARGET_STATES, bulkCaseSchema, bulkSummary, outcomeLine } from "./bulk";

describe("bulk case changes: input and report (WRK-4)", () => {
  it("WRK-4 / NOT-1: the State choices are the lifecycle's targets — never New, nor Awaiting Info (Request Info's)", () => {
    expect(BULK_TARGET_STATES.map((s) => s.label)).toEqual(["Open", "Resolved", "Closed", "Cancelled"]);
  });

  it("WRK-4: blank leaves a field, 'none' clears it; a case selected twice counts once", () => {
    const parsed = bulkCaseSchema.parse({
      cases: "CS0001003:4, CS0001004:2,CS0001003:9",
      assignmentGroupId: "none",
      assignedToId: "",
      priority: "2",
    });
    expect(parsed).toMatchObject({ assignmentGroupId: null, assignedToId: undefined, priority: 2 });
    expect(parsed.cases).toEqual([
      { number: "CS0001003", version: 4 },
      { number: "CS0001004", version: 2 },
    ]);
    expect(bulkCaseSchema.safeParse({ cases: "CS1:1", state: String(CaseState.New) }).success).toBe(false);
    expect(bulkCaseSchema.safeParse({ cases: "CS1", priority: "1" }).success).toBe(false);
  });

  it('WRK-4: "A person…" with nobody picked is refused, naming the field and what to do', () => {
    const issues = (input: Record<string, string>) =>
      bulkCaseSchema.safeParse({ cases: "CS1:1", ...input }).error?.issues.map((i) => i.message);
    expect(issues({ assignedToId: NOBODY_PICKED })).toEqual([
      "Assigned to: pick a person, or choose another option.",
    ]);
    // Any other text is still just not a choice, and so is that one for a group.
    expect(issues({ assignedToId: "0x1" })).toEqual(["Assigned to is not a valid choice."]);
    expect(issues({ assignmentGroupId: NOBODY_PICKED })).toEqual(["Assignment group is not a valid choice."]);
  });

  it("WRK-4: the report reads one line per case and a summary", () => {
    expect(outcomeLine({ number: "CS1", status: "changed", changes: ["assigned to Alex Agent"] })).toBe(
      "CS1: assigned to Alex Agent",
    );
    expect(
      outcomeLine({ number: "CS2", status: "refused", reason: "This case is Closed and cannot be changed." }),
    ).toBe("CS2: refused — This case is Closed and cannot be changed.");
    expect(bulkSummary({ changed: 1, unchanged: 0, refused: 1 })).toBe("1 case changed, 1 refused.");
  });
});
