import { describe, expect, it } from "vitest";
import { changeTypes } from "../records/choices";
import { TABLE } from "../records/tables";
import { choiceText, FIELD_LABELS } from "./labels";

describe("the history's words for stored values (REC-2, REC-5)", () => {
  it("REC-2: a change's type is shown by its label, as the form shows it", () => {
    expect(choiceText(TABLE.change, "type", "normal")).toBe("Normal");
    for (const t of changeTypes) expect(choiceText(TABLE.change, "type", t.value)).toBe(t.label);
  });

  it("REC-2: states and priorities by label; a field without choices as stored", () => {
    expect(choiceText(TABLE.case, "state", "10")).toBe("Open");
    expect(choiceText(TABLE.incident, "priority", "1")).toBe("1 - Critical");
    expect(choiceText(TABLE.case, "shortDescription", "VPN down")).toBe("VPN down");
  });

  it("REC-5: rows a service writes for a list or a decision have labels too", () => {
    expect(FIELD_LABELS.affected_accounts).toBe("Affected accounts");
    expect(FIELD_LABELS.proactive_cases).toBe("Proactive cases");
    expect(FIELD_LABELS.majorCaseReason).toBe("Major case rejection reason");
  });
});
