// REL-1: a number from a form is decimal digits only — every other spelling of 1 is refused.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { refusal } from "@/lib/testing/refusal";
import { bulkCaseSchema } from "./cases/bulk";
import { caseListSchema } from "./cases/schemas";
import { casePriorities, changeStates } from "./records/choices";
import { slaTargetSchema } from "./sla/policy";
import {
  formNumber,
  numberChoice,
  optionalId,
  parseOrThrow,
  recordId,
  requiredId,
  versionField,
} from "./validation";

/** What Number() reads as 1 but a person never types for "record 1". */
const SPELLINGS_OF_ONE = ["0x1", "1e0", " 1", "1 ", "+1", "1.0", "0b1", "0o1", "1_0", "１"];

const messageFor = (schema: z.ZodType, value: unknown) =>
  refusal(() => parseOrThrow(z.object({ f: schema }), { f: value })).fields?.f;

describe("numbers in forms are decimal only (REL-1)", () => {
  it("REL-1: ids, versions and numeric choices refuse 0x1, 1e0, ' 1', '+1', '1.0', naming the field", () => {
    for (const bad of SPELLINGS_OF_ONE) {
      expect(messageFor(optionalId("Account"), bad), bad).toBe("Account is not a valid reference.");
      expect(messageFor(requiredId("Assignment group"), bad), bad).toBe(
        "Assignment group is not a valid reference.",
      );
      expect(messageFor(versionField, bad), bad).toBe("The form's version is not valid; reload the page.");
      expect(messageFor(numberChoice("Priority", casePriorities), bad), bad).toMatch(
        /^Priority must be one of/,
      );
      expect(messageFor(formNumber(z.number({ error: "Order must be a whole number." })), bad)).toBe(
        "Order must be a whole number.",
      );
      expect(recordId(bad), bad).toBeNull();
    }
    // The plain spelling still works, as text (a form) and as a number (a service's caller).
    expect(parseOrThrow(z.object({ f: optionalId("Account") }), { f: "1" })).toEqual({ f: 1 });
    expect(parseOrThrow(versionField, "12")).toBe(12);
    expect(recordId("2147483647")).toBe(2_147_483_647);
    expect(recordId(7)).toBe(7);
    for (const bad of ["0", "2147483648", "", "-1", 1.5, null, undefined, {}])
      expect(recordId(bad)).toBeNull();
    expect(messageFor(versionField, undefined)).toBe("The form is missing its version; reload the page.");
  });

  it("REL-1: the case list's bulk form, its URL filters and the SLA form read ids the same way", () => {
    const bulk = (assignmentGroupId: string) =>
      refusal(() => parseOrThrow(bulkCaseSchema, { cases: "CS0001001:1", assignmentGroupId })).fields;
    expect(bulk("0x1")).toEqual({ assignmentGroupId: "Assignment group is not a valid choice." });
    expect(parseOrThrow(bulkCaseSchema, { cases: "CS0001001:1", assignmentGroupId: "1" })).toMatchObject({
      assignmentGroupId: 1,
    });
    // A filter in a URL spelled any other way is dropped, never read as record 1.
    expect(caseListSchema.parse({ account: "0x1", assignedTo: "1e0", group: "+1" })).toEqual({});
    expect(caseListSchema.parse({ account: "1", assignedTo: "2", group: "3" })).toMatchObject({
      account: 1,
      assignedTo: 2,
      group: 3,
    });
    const sla = { priority: "1.0", clock: "24x7", responseMinutes: "", resolutionMinutes: "" };
    expect(refusal(() => parseOrThrow(slaTargetSchema, { ...sla, version: "0x0" })).fields).toEqual({
      priority: "Priority is not valid.",
      version: "The form's version is not valid; reload the page.",
    });
  });

  it("REL-1 / ITSM-3: a choice value may be negative — a change's states are -5…0 — and is still digits only", () => {
    const state = numberChoice("State", changeStates);
    expect(state.parse("-4")).toBe(-4); // Assess
    expect(state.parse("0")).toBe(0); // Review
    for (const bad of ["-0x4", "- 4", "-4.0", "-4e0", "+4", "--4", "-"])
      expect(state.safeParse(bad).success, bad).toBe(false);
  });
});
