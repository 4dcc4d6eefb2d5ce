import { describe, expect, it } from "vitest";
import { IncidentState as S } from "../records/choices";
import type { SyncEvent } from "./events";
import { eventKey, plannedNotes, SYNC_RULES } from "./rules";

const record = { table: "incident" as const, id: 5, number: "INC0010005" };
const base = { state: S.InProgress, onHoldReason: null, resolutionCode: null, resolutionNotes: null };
const update = (after: Record<string, unknown>, version = 3): SyncEvent => ({
  type: "update",
  record,
  version,
  before: base,
  after: { ...base, ...after },
});
const all = () => true;

describe("incident sync rules (INC-6, SYNC-1, SYNC-3)", () => {
  it("INC-6: On Hold writes the state change with the on-hold reason", () => {
    const [n] = plannedNotes(update({ state: S.OnHold, onHoldReason: 4 }), all);
    expect(n.rule.name).toBe("Update case worknote for state change");
    expect(n.body).toBe(
      "Incident INC0010005 state changed: In Progress → On Hold\nOn hold reason: Awaiting Vendor",
    );
  });

  it("INC-6: resolving writes one note with the resolution code and notes", () => {
    const notes = plannedNotes(
      update({ state: S.Resolved, resolutionCode: "Solution provided", resolutionNotes: "Patched" }),
      all,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toBe(
      "Incident INC0010005 resolved.\nResolution code: Solution provided\nResolution notes: Patched",
    );
  });

  it("INC-6: closing and cancelling note too", () => {
    expect(
      plannedNotes(
        {
          type: "update",
          record,
          version: 4,
          before: { ...base, state: S.Resolved, resolutionCode: "Duplicate", resolutionNotes: "dup" },
          after: { ...base, state: S.Closed, resolutionCode: "Duplicate", resolutionNotes: "dup" },
        },
        all,
      )[0].body,
    ).toMatch(/^Incident INC0010005 closed\./);
    expect(plannedNotes(update({ state: S.Canceled }), all)[0].body).toBe(
      "Incident INC0010005 state changed: In Progress → Canceled",
    );
  });

  it("INC-6: every additional comment is copied, with its author", () => {
    const [n] = plannedNotes(
      { type: "comment", record, entryId: 99, body: "Vendor replied", author: "Ian" },
      all,
    );
    expect(n.body).toBe("Incident INC0010005 — additional comment from Ian:\nVendor replied");
  });

  it("INC-6: field edits that do not change the state write nothing", () => {
    expect(plannedNotes(update({ impact: 1 }), all)).toEqual([]);
  });

  it("SYNC-1: an inactive rule writes nothing; the others still do", () => {
    const off = (name: string) => (r: { name: string }) => r.name !== name;
    expect(
      plannedNotes(
        { type: "comment", record, entryId: 1, body: "x", author: "a" },
        off("Update case worknote for comments change"),
      ),
    ).toEqual([]);
    expect(
      plannedNotes(
        update({ state: S.OnHold, onHoldReason: 1 }),
        off("Update case worknote for comments change"),
      ),
    ).toHaveLength(1);
  });

  it("SYNC-3: the same event always has the same key; another version or comment has another", () => {
    const rule = SYNC_RULES[0];
    expect(eventKey(rule, update({ state: S.OnHold }, 3))).toBe(
      eventKey(rule, update({ state: S.OnHold }, 3)),
    );
    expect(eventKey(rule, update({ state: S.OnHold }, 3))).not.toBe(
      eventKey(rule, update({ state: S.OnHold }, 4)),
    );
  });

  it("SYNC-1: every rule has a unique name per table", () => {
    const keys = SYNC_RULES.map((r) => `${r.table}/${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("problem, change and request sync rules (ITSM-3)", () => {
  const rec = (table: "problem" | "change_request" | "sc_request", number: string) => ({
    table,
    id: 1,
    number,
  });
  it("ITSM-3 / REC-4: a problem's state change, resolution (code and notes) and comments each note", () => {
    const r = rec("problem", "PRB0040001");
    expect(
      plannedNotes(
        { type: "update", record: r, version: 2, before: { state: 102 }, after: { state: 103 } },
        all,
      )[0].body,
    ).toBe("Problem PRB0040001 state changed: Assess → Root Cause Analysis");
    expect(
      plannedNotes(
        {
          type: "update",
          record: r,
          version: 3,
          before: { state: 104 },
          after: {
            state: 106,
            resolutionCode: "Fix Applied",
            resolutionNotes: "Relay disk replaced",
            fixNotes: "Disk doubled",
          },
        },
        all,
      )[0].body,
    ).toBe(
      "Problem PRB0040001 resolved.\nResolution code: Fix Applied\n" +
        "Resolution notes: Relay disk replaced\nFix notes: Disk doubled",
    );
    expect(
      plannedNotes({ type: "comment", record: r, entryId: 5, body: "RCA done", author: "Ian" }, all)[0].rule
        .name,
    ).toBe("Update case worknote for problem comments");
  });

  it("ITSM-3: a change closes with its close code and notes; cancelling is a state change", () => {
    const r = rec("change_request", "CHG0030001");
    expect(
      plannedNotes(
        {
          type: "update",
          record: r,
          version: 7,
          before: { state: 0 },
          after: { state: 3, closeCode: "Successful", closeNotes: "Went fine" },
        },
        all,
      )[0].body,
    ).toBe("Change CHG0030001 closed.\nClose code: Successful\nClose notes: Went fine");
    expect(
      plannedNotes(
        { type: "update", record: r, version: 2, before: { state: -5 }, after: { state: 4 } },
        all,
      )[0].body,
    ).toBe("Change CHG0030001 state changed: New → Canceled");
  });

  it("ITSM-3: a request's fulfilment notes its closing state", () => {
    const r = rec("sc_request", "REQ0010001");
    expect(
      plannedNotes(
        {
          type: "update",
          record: r,
          version: 3,
          before: { state: "in_process" },
          after: { state: "closed_complete" },
        },
        all,
      )[0].body,
    ).toBe("Request REQ0010001 closed complete.");
  });
});
