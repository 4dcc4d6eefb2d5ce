import { describe, expect, it } from "vitest";
import { ROLE, type Actor } from "../auth/roles";
import { PLUGIN } from "../plugins/catalog";
import { CaseState } from "../records/choices";
import { caseMenu, menuRefusal, MENU_ITEM } from "./menu";

const actor = (roles: string[]): Actor => ({
  id: 1,
  name: "a",
  email: "a@x",
  kind: "internal",
  accountId: null,
  roles,
});
const writer = actor([ROLE.agent, ROLE.incidentRead, ROLE.incidentWrite]);
const reader = actor([ROLE.agent, ROLE.incidentRead]);
const all = new Set<string>([PLUGIN.serviceManagement, PLUGIN.requestManagement]);
const open = { state: CaseState.Open, incidentId: null, parentId: null };

describe("Additional actions menu", () => {
  it("INC-2: without an incident it offers Create and Associate; with one, only Remove", () => {
    const incidentItems = (items: string[]) => items.filter((i) => i.includes("Incident"));
    expect(incidentItems(caseMenu(writer, open, all))).toEqual([
      MENU_ITEM.createIncident,
      MENU_ITEM.associateIncident,
    ]);
    expect(incidentItems(caseMenu(writer, { ...open, incidentId: 7 }, all))).toEqual([
      MENU_ITEM.removeIncident,
    ]);
  });

  it("ITSM-1: a fresh case offers every create item, in menu order", () => {
    expect(caseMenu(writer, open, all)).toEqual([
      "Create Incident",
      "Associate Incident",
      "Create Problem",
      "Create Request",
      "Create Normal Change",
      "Create Standard Change",
      "Propose Major Case",
    ]);
  });

  it("INC-2 / ITSM-1: one problem and one change per case; requests without limit", () => {
    const items = caseMenu(writer, { ...open, incidentId: 1, problemId: 2, changeId: 3 }, all);
    expect(items).toEqual(["Remove Incident", "Create Request", "Propose Major Case"]);
    expect(menuRefusal(writer, { ...open, problemId: 2 }, all, MENU_ITEM.createProblem, "PRB0040002")).toBe(
      "This case already has a problem (PRB0040002).",
    );
    expect(menuRefusal(writer, { ...open, changeId: 3 }, all, MENU_ITEM.createStandardChange)).toBe(
      "This case already has a change request.",
    );
  });

  it("ITSM-5: com.sn_cs_sm_request alone switches Create Request", () => {
    expect(caseMenu(writer, open, new Set([PLUGIN.serviceManagement]))).not.toContain("Create Request");
    expect(caseMenu(writer, open, new Set([PLUGIN.requestManagement]))).toEqual([
      "Create Request",
      "Propose Major Case",
    ]);
  });

  it("ITSM-1: an itil manager without sn_incident_write gets the ITSM items but not the incident ones", () => {
    const manager = actor([ROLE.manager, ROLE.itil]);
    expect(caseMenu(manager, open, all)).toEqual([
      "Create Problem",
      "Create Request",
      "Create Normal Change",
      "Create Standard Change",
      "Propose Major Case",
    ]);
  });

  it("ROLE-1: without sn_incident_write the incident items are absent, and using one is refused with a reason", () => {
    expect(caseMenu(reader, open, all)).toEqual(["Propose Major Case"]);
    expect(menuRefusal(reader, open, all, MENU_ITEM.createProblem)).toMatch(/sn_incident_write or itil/);
    expect(menuRefusal(reader, open, all, MENU_ITEM.createIncident)).toMatch(/sn_incident_write/);
  });

  it("ITSM-5: with com.sn_cs_sm inactive the incident items disappear", () => {
    expect(caseMenu(writer, open, new Set())).toEqual(["Propose Major Case"]);
    expect(menuRefusal(writer, open, new Set(), MENU_ITEM.createIncident)).toMatch(/com\.sn_cs_sm/);
  });

  it("REC-3: resolved cases offer no create or link items until reopened", () => {
    expect(caseMenu(writer, { ...open, state: CaseState.Resolved }, all)).toEqual([]);
    expect(menuRefusal(writer, { ...open, state: CaseState.Resolved }, all, MENU_ITEM.createProblem)).toBe(
      "This case is Resolved: reopen it first.",
    );
  });

  it("REC-3: closed and cancelled cases offer nothing", () => {
    expect(caseMenu(writer, { ...open, state: CaseState.Closed }, all)).toEqual([]);
    expect(caseMenu(writer, { ...open, state: CaseState.Cancelled }, all)).toEqual([]);
  });

  it("MAJ-1: Propose Major Case is offered on New, Open and Awaiting Info ordinary cases only", () => {
    for (const state of [CaseState.New, CaseState.Open, CaseState.AwaitingInfo])
      expect(caseMenu(writer, { ...open, state }, all)).toContain("Propose Major Case");
    expect(caseMenu(writer, { ...open, state: CaseState.Resolved }, all)).not.toContain("Propose Major Case");
    expect(caseMenu(writer, { ...open, majorCaseState: "proposed" }, all)).not.toContain(
      "Propose Major Case",
    );
    expect(caseMenu(writer, { ...open, majorCaseState: "accepted" }, all)).not.toContain(
      "Propose Major Case",
    );
    expect(caseMenu(writer, { ...open, majorCaseState: "rejected" }, all)).toContain("Propose Major Case");
  });

  it("MAJ-2: on a major case a major issue manager with itil gets the incident items too", () => {
    const mim = actor([ROLE.manager, ROLE.majorIssueManager, ROLE.itil]);
    expect(caseMenu(mim, { ...open, majorCaseState: "accepted" }, all)).toEqual([
      "Create Incident",
      "Associate Incident",
      "Create Problem",
      "Create Request",
      "Create Normal Change",
      "Create Standard Change",
    ]);
    expect(caseMenu(mim, open, all)).not.toContain("Create Incident");
  });

  it("MAJ-3: a child case offers no create or associate items", () => {
    expect(caseMenu(writer, { ...open, parentId: 3 }, all)).toEqual([]);
  });

  it("INC-2: asking to create a second incident names the one that exists", () => {
    expect(menuRefusal(writer, { ...open, incidentId: 7 }, all, MENU_ITEM.createIncident, "INC0010007")).toBe(
      "This case already has an incident (INC0010007).",
    );
  });
});
