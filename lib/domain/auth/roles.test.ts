import { describe, expect, it } from "vitest";
import {
  ASSIGNEE_ROLES,
  INTERNAL_ROLES,
  canAdminister,
  canLinkIncidents,
  canReadCases,
  canReadIncidents,
  canWriteCases,
  canWriteIncidents,
  ROLE,
  type Actor,
} from "./roles";

const actor = (roles: string[], kind: Actor["kind"] = "internal"): Actor => ({
  id: 1,
  name: "x",
  email: "x@x",
  kind,
  accountId: null,
  roles,
});

describe("roles (SPEC §3)", () => {
  it("ROLE-1: incident read and write roles decide what an agent sees and does", () => {
    const writer = actor([ROLE.agent, ROLE.incidentRead, ROLE.incidentWrite]);
    const reader = actor([ROLE.agent, ROLE.incidentRead]);
    const plain = actor([ROLE.agent]);
    expect([canReadIncidents(writer), canLinkIncidents(writer)]).toEqual([true, true]);
    expect([canReadIncidents(reader), canLinkIncidents(reader)]).toEqual([true, false]);
    expect([canReadIncidents(plain), canLinkIncidents(plain)]).toEqual([false, false]);
  });

  it("ROLE-3: external users are never workspace users, whatever roles they carry", () => {
    const external = actor([ROLE.customer, ROLE.external, ROLE.admin, ROLE.agent], "contact");
    expect([
      canReadCases(external),
      canWriteCases(external),
      canReadIncidents(external),
      canAdminister(external),
    ]).toEqual([false, false, false, false]);
  });

  it("ROLE-4: only admin administers; admin holds every internal role", () => {
    expect(canAdminister(actor([ROLE.manager, ROLE.itil]))).toBe(false);
    const admin = actor([ROLE.admin]);
    expect([
      canAdminister(admin),
      canWriteCases(admin),
      canWriteIncidents(admin),
      canLinkIncidents(admin),
    ]).toEqual([true, true, true, true]);
  });

  it("INC-8: the incident form is for itil fulfillers", () => {
    expect(canWriteIncidents(actor([ROLE.itil]))).toBe(true);
    expect(canWriteIncidents(actor([ROLE.agent, ROLE.incidentWrite]))).toBe(false);
  });
});

describe("WRK-1: who may be assigned", () => {
  it("WRK-1: a role assigns a case exactly when it works cases, an incident when it works incidents", () => {
    for (const role of INTERNAL_ROLES) {
      expect(ASSIGNEE_ROLES.case.includes(role), role).toBe(canWriteCases(actor([role])));
      expect(ASSIGNEE_ROLES.incident.includes(role), role).toBe(canWriteIncidents(actor([role])));
    }
  });
});
