import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { PROPERTY, PROPERTY_CATALOG } from "./catalog";
import { validatePropertyValue } from "./values";

const message = (name: string, raw: string) => {
  try {
    validatePropertyValue(name, raw);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe("system property type checks (ADM-1)", () => {
  it("ADM-1: every property has a type, a default that passes its own check, and a description", () => {
    for (const p of PROPERTY_CATALOG) {
      expect(p.description.length).toBeGreaterThan(20);
      expect(validatePropertyValue(p.name, p.defaultValue)).toBe(p.defaultValue);
    }
  });

  it("ADM-1: a non-number threshold is refused with a message naming the property", () => {
    const e = message(PROPERTY.majorCaseThreshold, "ten");
    expect(e.field).toBe(PROPERTY.majorCaseThreshold);
    expect(e.message).toBe(`${PROPERTY.majorCaseThreshold} must be a whole number, not "ten".`);
    expect(message(PROPERTY.majorCaseThreshold, "2.5").message).toMatch(/whole number/);
    expect(message(PROPERTY.majorCaseThreshold, "0").message).toMatch(/at least 1/);
    expect(validatePropertyValue(PROPERTY.majorCaseThreshold, " 12 ")).toBe("12");
  });

  it("ADM-1: booleans are true or false", () => {
    expect(validatePropertyValue(PROPERTY.incidentDataLookup, "FALSE")).toBe("false");
    expect(message(PROPERTY.incidentDataLookup, "yes").message).toMatch(/true or false/);
  });

  it("MAJ-5: case_fields_to_sync takes known fields; listing state requires close_notes and resolution_code", () => {
    expect(validatePropertyValue(PROPERTY.caseFieldsToSync, "priority, work_notes,priority")).toBe(
      "priority,work_notes",
    );
    expect(message(PROPERTY.caseFieldsToSync, "priority,colour").message).toMatch(/"colour" is not allowed/);
    expect(message(PROPERTY.caseFieldsToSync, "state,close_notes").message).toMatch(
      /listing state requires resolution_code/,
    );
    expect(validatePropertyValue(PROPERTY.caseFieldsToSync, "state,close_notes,resolution_code")).toBe(
      "state,close_notes,resolution_code",
    );
  });

  it("ADM-1: an unknown property is refused", () => {
    expect(message("glide.nonexistent", "1").message).toMatch(/no system property/);
  });
});
