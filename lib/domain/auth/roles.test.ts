import { describe, expect, it } from "vitest";
import { afterFailure, waitFor } from "./throttle";
import { canAdminister, canLinkIncidents, canReadCases, canReadIncidents, canWriteCases, canWriteIncidents, ROLE, type Actor } from "./roles";

const actor = (roles: string[], kind: Actor["kind"] = "internal"): Actor => ({ id: 1, name: "x", email: "x@x", kind, accountId: null, roles });

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
    expect([canReadCases(external), canWriteCases(external), canReadIncidents(external), canAdminister(external)]).toEqual([false, false, false, false]);
  });

  it("ROLE-4: only admin administers; admin holds every internal role", () => {
    expect(canAdminister(actor([ROLE.manager, ROLE.itil]))).toBe(false);
    const admin = actor([ROLE.admin]);
    expect([canAdminister(admin), canWriteCases(admin), canWriteIncidents(admin), canLinkIncidents(admin)]).toEqual([true, true, true, true]);
  });

  it("INC-8: the incident form is for itil fulfillers", () => {
    expect(canWriteIncidents(actor([ROLE.itil]))).toBe(true);
    expect(canWriteIncidents(actor([ROLE.agent, ROLE.incidentWrite]))).toBe(false);
  });
});

describe("sign-in throttling (REL-5)", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it("REL-5: five failures block, and each further failure doubles the wait", () => {
    let state = null;
    for (let i = 0; i < 4; i++) state = afterFailure(state, at(i));
    expect(waitFor(state, at(4))).toBe(0);
    state = afterFailure(state, at(4));
    expect(waitFor(state, at(4))).toBe(30_000);
    state = afterFailure(state, at(40));
    expect(waitFor(state, at(40))).toBe(60_000);
  });

  it("REL-5: the count starts again after the window", () => {
    let state = null;
    for (let i = 0; i < 5; i++) state = afterFailure(state, at(i));
    state = afterFailure(state, at(16 * 60));
    expect(state.failures).toBe(1);
    expect(waitFor(state, at(16 * 60))).toBe(0);
  });
});
