import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { checkProposal } from "./proposal";

describe("Propose Major Case's fields (MAJ-1)", () => {
  it("MAJ-1: both missing fields are named at once, whitespace counting as missing", () => {
    const e = refusal(() => checkProposal({ workNotes: "  ", businessImpact: "" }));
    expect(e.kind).toBe("invalid");
    expect(Object.keys(e.fields ?? {})).toEqual(["workNotes", "businessImpact"]);
    expect(e.fields?.businessImpact).toBe("Business impact is required to propose a major case.");
  });

  it("MAJ-1: one field too long and one missing are both named; good input comes back trimmed", () => {
    const e = refusal(() => checkProposal({ workNotes: "x".repeat(8001) }));
    expect(e.fields).toEqual({
      workNotes: "Work notes must be at most 8,000 characters.",
      businessImpact: "Business impact is required to propose a major case.",
    });
    expect(checkProposal({ workNotes: " Stores down ", businessImpact: " 40 stores " })).toEqual({
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
  });
});
