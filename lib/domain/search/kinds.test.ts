import { describe, expect, it } from "vitest";
import { ROLE, type Actor } from "../auth/roles";
import { PLUGIN } from "../plugins/catalog";
import { SEARCH_KINDS, searchableKinds, searchHref } from "./kinds";
import { groupHits, hitDetail, type SearchHit } from "./results";

const internal = (...roles: string[]): Actor => ({
  id: 1,
  name: "x",
  email: "x@example.com",
  kind: "internal",
  accountId: null,
  roles,
});
const contact = (...roles: string[]): Actor => ({
  ...internal(...roles, ROLE.external),
  kind: "contact",
  accountId: 7,
});
const ALL = new Set(Object.values(PLUGIN));
const NO_FSM = new Set([PLUGIN.serviceManagement, PLUGIN.requestManagement]);

describe("who finds which kinds (WRK-5)", () => {
  it("WRK-5 / ROLE-1: an agent finds every kind but incidents without sn_incident_read", () => {
    expect(searchableKinds(internal(ROLE.agent), ALL)).toEqual(SEARCH_KINDS.filter((k) => k !== "incident"));
    expect(searchableKinds(internal(ROLE.agent, ROLE.incidentRead), ALL)).toContain("incident");
    expect(searchableKinds(internal(ROLE.admin), ALL)).toHaveLength(8);
  });

  it("WRK-5: work orders only while the Field Service plugin is active", () => {
    expect(searchableKinds(internal(ROLE.agent), NO_FSM)).not.toContain("workOrder");
    expect(searchableKinds(contact(ROLE.customer), NO_FSM)).toEqual(["case"]);
  });

  it("WRK-5 / ROLE-3: external users find cases and work orders (their scope); without a portal role nothing", () => {
    expect(searchableKinds(contact(ROLE.customer), ALL)).toEqual(["case", "workOrder"]);
    expect(searchableKinds(contact(ROLE.partnerAdmin), ALL)).toEqual(["case", "workOrder"]);
    expect(searchableKinds(contact(), ALL)).toEqual([]);
    expect(searchableKinds(internal(), ALL)).toEqual([]);
    // An internal role given to an external user reads nothing internal.
    expect(searchableKinds(contact(ROLE.incidentRead), ALL)).toEqual([]);
  });

  it("WRK-5: results open the record's page; external users the portal's", () => {
    const agent = internal(ROLE.agent);
    expect(searchHref(agent, "case", { id: 1, number: "CS0001001" })).toBe("/cases/CS0001001");
    expect(searchHref(agent, "change", { id: 1, number: "CHG0030001" })).toBe("/changes/CHG0030001");
    expect(searchHref(agent, "workOrder", { id: 1, number: "WO0010001" })).toBe("/work-orders/WO0010001");
    const customer = contact(ROLE.customer);
    expect(searchHref(customer, "case", { id: 1, number: "CS0001001" })).toBe("/portal/cases/CS0001001");
    expect(searchHref(customer, "workOrder", { id: 1, number: "WO0010001" })).toBe(
      "/portal/work-orders/WO0010001",
    );
    expect(searchHref(customer, "incident", { id: 1, number: "INC0010001" })).toBeNull();
  });

  it("WRK-5 / SET-2: accounts and contacts open the directory for its keepers, else the account's cases", () => {
    const contactHit = {
      id: 9,
      number: null,
      email: "a@b.example",
      accountId: 4,
      accountNumber: "ACC0000004",
    };
    const manager = internal(ROLE.manager);
    expect(searchHref(manager, "account", { id: 4, number: "ACC0000004" })).toBe(
      "/admin/accounts/ACC0000004",
    );
    expect(searchHref(manager, "contact", contactHit)).toBe(
      "/admin/accounts/ACC0000004?contactQ=a%40b.example",
    );
    const agent = internal(ROLE.agent);
    expect(searchHref(agent, "account", { id: 4, number: "ACC0000004" })).toBe("/cases?account=4");
    expect(searchHref(agent, "contact", contactHit)).toBe("/cases?account=4");
    expect(searchHref(agent, "contact", { id: 9, number: null, accountId: null })).toBeNull();
  });
});

describe("what a result shows (WRK-5)", () => {
  const row = { id: 1, number: "X", title: "t", state: null, accountName: null, email: null, flags: null };

  it("WRK-5: a record's state label and account; an account's type; a contact's email and account", () => {
    expect(hitDetail({ ...row, kind: "case", state: "18", accountName: "Acme" })).toBe(
      "Awaiting Info · Acme",
    );
    expect(hitDetail({ ...row, kind: "incident", state: "2" })).toBe("In Progress");
    expect(hitDetail({ ...row, kind: "request", state: "in_process" })).toBe("In Process");
    expect(hitDetail({ ...row, kind: "workOrder", state: "Qualified" })).toBe("Qualified");
    expect(hitDetail({ ...row, kind: "account", flags: "cpi" })).toBe("Partner · Customer · Inactive");
    expect(hitDetail({ ...row, kind: "contact", email: "d@e.example", accountName: "Acme" })).toBe(
      "d@e.example · Acme",
    );
  });

  it("WRK-5: hits are grouped by kind in a fixed order, empty kinds left out", () => {
    const hit = (kind: SearchHit["kind"], key: string): SearchHit => ({
      kind,
      key,
      number: key,
      title: key,
      detail: "",
      href: "/",
    });
    const groups = groupHits([
      hit("contact", "c1"),
      hit("case", "a1"),
      hit("case", "a2"),
      hit("incident", "i1"),
    ]);
    expect(groups.map((g) => [g.label, g.hits.map((h) => h.key)])).toEqual([
      ["Cases", ["a1", "a2"]],
      ["Incidents", ["i1"]],
      ["Contacts", ["c1"]],
    ]);
  });
});
