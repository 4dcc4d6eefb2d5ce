import { describe, expect, it } from "vitest";
import { applyFieldMap, validateMapRow, type MapRow } from "./rules";

const row = (targetField: string, sourceField: string | null, constantValue: string | null = null) => ({
  targetField,
  sourceField,
  constantValue,
});

const DEFAULT_INCIDENT_TO_CASE: MapRow[] = [
  row("short_description", "short_description"),
  row("description", "description"),
  row("impact", "impact"),
  row("urgency", "urgency"),
  row("incident", "sys_id"),
  row("proactive", null, "true"),
  row("channel", null, "proactive"),
];

describe("field map validation (PRO-2, ADM-2)", () => {
  it("ADM-2: a source field and a writable, compatible target field are accepted", () => {
    for (const r of DEFAULT_INCIDENT_TO_CASE)
      expect(() => validateMapRow("incident_to_case", r)).not.toThrow();
    expect(() =>
      validateMapRow("case_to_work_order", row("partner_contact", "partner_contact")),
    ).not.toThrow();
  });

  it("ADM-2: an unknown source or target field is refused naming the field", () => {
    expect(() => validateMapRow("incident_to_case", row("short_description", "nope"))).toThrow(
      'Source field "nope" is not a field of the incident.',
    );
    expect(() => validateMapRow("incident_to_case", row("colour", "short_description"))).toThrow(
      'Target field "colour" is not a field of the case.',
    );
  });

  it("ADM-2: a target that is not writable, or both a source and a constant, is refused", () => {
    expect(() => validateMapRow("incident_to_case", row("number", "number"))).toThrow(
      "Target field Number cannot be set by a map.",
    );
    expect(() => validateMapRow("incident_to_case", row("channel", "short_description", "web"))).toThrow(
      /either a source field or a constant/,
    );
    expect(() => validateMapRow("incident_to_case", row("channel", null, null))).toThrow(
      /either a source field or a constant/,
    );
  });

  it("ADM-2: incompatible types are refused (incident priority 1–5 does not fit case priority 1–4)", () => {
    expect(() => validateMapRow("incident_to_case", row("priority", "priority"))).toThrow(
      /Source field Priority .* does not fit target field Priority/,
    );
    expect(() => validateMapRow("incident_to_case", row("consumer", "caller_id"))).toThrow(
      "Source field Caller (a reference to user) does not fit target field Consumer (a reference to consumer).",
    );
    expect(() => validateMapRow("incident_to_case", row("impact", "short_description"))).toThrow(
      /does not fit/,
    );
  });

  it("PRO-2 / ROLE-3: a proactive case's account, contact and asset are not the map's to set", () => {
    expect(() => validateMapRow("incident_to_case", row("account", "company"))).toThrow(
      "Target field Account cannot be set by this map: Create Proactive Cases sets it: the affected account (PRO-2).",
    );
    expect(() => validateMapRow("incident_to_case", row("contact", "caller_id"))).toThrow(/primary contact/);
    expect(() => validateMapRow("incident_to_case", row("asset", "cmdb_ci"))).toThrow(
      /an asset belongs to one account, and each proactive case is for another/,
    );
    // A row saved before is skipped when the map is applied.
    const saved = [...DEFAULT_INCIDENT_TO_CASE, row("asset", "cmdb_ci"), row("account", "company")];
    const data = applyFieldMap("incident_to_case", saved, {
      id: 1,
      shortDescription: "x",
      assetId: 7,
      companyId: 3,
    });
    expect(data).not.toHaveProperty("assetId");
    expect(data).not.toHaveProperty("accountId");
  });

  it("FSM-2 / ROLE-3: people map only onto the same part — an assignee is no contact, a contact no partner contact", () => {
    for (const [target, source] of [
      ["contact", "assigned_to"],
      ["partner_contact", "contact"],
      ["consumer", "contact"],
      ["partner", "account"],
    ])
      expect(
        () => validateMapRow("case_to_work_order", row(target, source)),
        `${source} → ${target}`,
      ).toThrow(/does not fit target field/);
    for (const f of ["account", "contact", "consumer", "asset", "partner", "partner_contact"])
      expect(() => validateMapRow("case_to_work_order", row(f, f))).not.toThrow();
  });

  it("ADM-2: a constant must be valid for the target's type", () => {
    expect(() => validateMapRow("incident_to_case", row("proactive", null, "yes"))).toThrow(
      'Constant for Proactive: "yes" is not true or false.',
    );
    expect(() => validateMapRow("incident_to_case", row("priority", null, "9"))).toThrow(
      'Constant for Priority: "9" is not a choice of 1, 2, 3, 4.',
    );
    expect(() => validateMapRow("incident_to_case", row("channel", null, "fax"))).toThrow(
      /"fax" is not a choice/,
    );
    expect(() => validateMapRow("incident_to_case", row("problem", null, "12"))).toThrow(
      /cannot be a constant/,
    );
    expect(validateMapRow("incident_to_case", row("priority", null, "2")).constantValue).toBe("2");
  });
});

describe("field map application (PRO-2, FSM-1)", () => {
  const incident = {
    id: 42,
    number: "INC0010001",
    shortDescription: "Email down",
    description: "x".repeat(200),
    impact: 1,
    urgency: 2,
    priority: 2,
    callerId: 7,
  };

  it("PRO-2: the default incident → case map copies fields and sets the constants", () => {
    expect(applyFieldMap("incident_to_case", DEFAULT_INCIDENT_TO_CASE, incident)).toEqual({
      shortDescription: "Email down",
      description: "x".repeat(200),
      impact: 1,
      urgency: 2,
      incidentId: 42,
      proactive: true,
      channel: "proactive",
    });
  });

  it("PRO-2: a long text into a short one is cut to the target's length; inactive and invalid rows are skipped", () => {
    const out = applyFieldMap(
      "incident_to_case",
      [
        row("short_description", "description"),
        { ...row("priority", null, "1"), active: false },
        row("impact", "short_description"),
      ],
      incident,
    );
    expect(out).toEqual({ shortDescription: "x".repeat(160) });
    // The cut falls between characters: an emoji across it is left out whole, never halved.
    const emoji = { ...incident, description: `${"a".repeat(159)}\u{1F600}tail` };
    const cut = applyFieldMap("incident_to_case", [row("short_description", "description")], emoji);
    expect(cut).toEqual({ shortDescription: "a".repeat(159) });
  });

  it("ADM-2 / PRO-2 / FSM-4: a blank source leaves a required target (short description) alone; other texts are copied blank", () => {
    for (const blank of ["", null]) {
      const source = { ...incident, description: blank };
      const rows = [row("short_description", "description"), row("description", "description")];
      expect(applyFieldMap("incident_to_case", rows, source)).toEqual({ description: blank });
    }
    const rows = [row("short_description", "description")];
    expect(applyFieldMap("case_to_work_order", rows, { description: "" })).toEqual({});
  });

  it("FSM-1: the case → work order map copies the case's references", () => {
    const out = applyFieldMap(
      "case_to_work_order",
      [row("account", "account"), row("contact", "contact"), row("priority", "priority")],
      { accountId: 3, contactId: null, priority: 2 },
    );
    expect(out).toEqual({ accountId: 3, contactId: null, priority: 2 });
  });
});
