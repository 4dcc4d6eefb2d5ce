import { describe, expect, it } from "vitest";
import { idOfSysId, sysIdOf, sysIdOfName } from "./sys-id";

describe("sys_id (API-1)", () => {
  it("API-1: 32 lowercase hex characters, stable, and back to the same id", () => {
    for (const id of [1, 2, 1001, 123_456_789, 2 ** 31 - 1]) {
      const s = sysIdOf("incident", id);
      expect(s).toMatch(/^[0-9a-f]{32}$/);
      expect(sysIdOf("incident", id)).toBe(s);
      expect(idOfSysId("incident", s)).toBe(id);
    }
    expect(sysIdOf("incident", 1)).not.toBe(sysIdOf("incident", 2));
  });

  it("API-1 / REL-1: a sys_id of another table, a made-up, malformed or out-of-range one names no record", () => {
    const s = sysIdOf("incident", 7);
    expect(idOfSysId("problem", s)).toBeNull();
    expect(idOfSysId("incident", "0".repeat(32))).toBeNull();
    expect(idOfSysId("incident", s.toUpperCase())).toBeNull();
    expect(idOfSysId("incident", s.slice(1))).toBeNull();
    expect(idOfSysId("incident", "' OR 1=1 --")).toBeNull();
    // REL-1: ids past the 32-bit record ids name nothing (never an overflowing query parameter).
    expect(idOfSysId("incident", sysIdOf("incident", 2 ** 31))).toBeNull();
    expect(idOfSysId("incident", sysIdOf("incident", Number.MAX_SAFE_INTEGER))).toBeNull();
  });

  it("API-1: a contact's sys_id is its user's; property sys_ids are 32 hex digits", () => {
    expect(sysIdOf("customer_contact", 5)).toBe(sysIdOf("sys_user", 5));
    expect(sysIdOfName("sys_properties", "a.b")).toMatch(/^[0-9a-f]{32}$/);
  });
});
