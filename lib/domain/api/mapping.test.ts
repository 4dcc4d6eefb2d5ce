// API-4 / API-5: one declarative map per table, read both ways — a record out, a body in.
import { describe, expect, it } from "vitest";
import { readBody } from "./body";
import { displayMode, flag, readParams, selectFields } from "./params";
import { formatDateTime, serializeRecord, type SerializeContext } from "./serialize";
import { sysIdOf } from "./sys-id";
import { API_TABLES, requiredColumns } from "./table";
import { apiTable, TABLES } from "./tables";

const incident = apiTable("incident");
const row = {
  id: 7,
  number: "INC0010007",
  shortDescription: "VPN down",
  state: 3,
  onHoldReason: 4,
  companyId: 12,
  callerId: null,
  createdAt: new Date("2026-11-01T08:09:10Z"),
  updatedAt: new Date("2026-11-02T00:00:00Z"),
};
const ctx = (mode: SerializeContext["mode"]): SerializeContext => ({
  mode,
  refDisplay: new Map([["customer_account", new Map([[12, "Acme Corporation"]])]]),
  computed: { sys_created_by: "itil@example.com" },
  linkBase: "https://cf.example/api/now/table",
  sysId: sysIdOf("incident", 7),
});
const fields = [
  "sys_id",
  "number",
  "state",
  "hold_reason",
  "company",
  "caller_id",
  "sys_created_on",
  "sys_created_by",
];

describe("Table API mapping (API-4)", () => {
  it("API-4: a record answers ServiceNow names, string values, references as sys_ids", () => {
    expect(serializeRecord(incident, row, fields, ctx("false"))).toEqual({
      sys_id: sysIdOf("incident", 7),
      number: "INC0010007",
      state: "3",
      hold_reason: "4",
      company: sysIdOf("customer_account", 12),
      caller_id: "",
      sys_created_on: "2026-11-01 08:09:10",
      sys_created_by: "itil@example.com",
    });
  });

  it("API-4: display values — labels and names; `all` gives value, display_value and link", () => {
    const shown = serializeRecord(incident, row, fields, ctx("true"));
    expect(shown).toMatchObject({
      state: "On Hold",
      hold_reason: "Awaiting Vendor",
      company: "Acme Corporation",
    });
    const all = serializeRecord(incident, row, ["company", "state"], ctx("all"));
    expect(all).toEqual({
      company: {
        value: sysIdOf("customer_account", 12),
        display_value: "Acme Corporation",
        link: `https://cf.example/api/now/table/customer_account/${sysIdOf("customer_account", 12)}`,
      },
      state: { value: "3", display_value: "On Hold" },
    });
  });

  it("API-2 / API-5: a body maps back to the service's input — by value, or by display value", () => {
    const company = sysIdOf("customer_account", 12);
    expect(
      readBody(incident, { state: "3", hold_reason: 4, company, short_description: "x" }, false),
    ).toEqual({
      input: { state: 3, onHoldReason: 4, companyId: 12, shortDescription: "x" },
      pending: [],
    });
    const byName = readBody(incident, { state: "On Hold", company: "Acme Corporation" }, true);
    expect(byName.input).toEqual({ state: 3 });
    expect(byName.pending).toMatchObject([{ name: "company", display: "Acme Corporation" }]);
    expect(readBody(incident, { sys_id: "x", number: "INC1", sys_mod_count: "2" }, false)).toEqual({
      input: {},
      pending: [],
      version: 2,
    });
  });

  it("API-3 / REL-1: unknown and badly typed fields are refused naming the field; read-only ones ignored", () => {
    expect(readBody(incident, { priority: "1", opened_by: "", number: "INC9" }, false).input).toEqual({});
    expect(() => readBody(incident, { colour: "red" }, false)).toThrow('Unknown field "colour"');
    expect(() => readBody(incident, { state: "On Hold" }, false)).toThrow(/^state:/);
    expect(() => readBody(incident, { company: "Acme Corporation" }, false)).toThrow(/^company:/);
    expect(() => readBody(incident, [1, 2], false)).toThrow("JSON object");
  });

  it("API-1: sysparm_fields, limit, offset and display value are checked and bounded", () => {
    const p = readParams(incident, new URLSearchParams("sysparm_limit=999999&sysparm_offset=5"), () => true);
    expect(p).toMatchObject({ limit: 10_000, offset: 5, mode: "false", query: "" });
    expect(() => readParams(incident, new URLSearchParams("sysparm_limit=-1"), () => true)).toThrow(
      "sysparm_limit",
    );
    expect(() => readParams(incident, new URLSearchParams("sysparm_limit=-1"), () => true)).toThrow(
      /above 10000 it counts as 10000/,
    );
    // Past the largest offset: a 400, not the last page again for ever.
    expect(readParams(incident, new URLSearchParams("sysparm_offset=10000000"), () => true).offset).toBe(
      10_000_000,
    );
    expect(() => readParams(incident, new URLSearchParams("sysparm_offset=10010000"), () => true)).toThrow(
      /sysparm_offset must be a whole number from 0 to 10000000/,
    );
    expect(() => displayMode("maybe")).toThrow("sysparm_display_value");
    // REL-1: every true/false parameter is checked alike.
    expect(() =>
      readParams(incident, new URLSearchParams("sysparm_exclude_reference_link=maybe"), () => true),
    ).toThrow("sysparm_exclude_reference_link must be true or false.");
    expect(flag(new URLSearchParams("sysparm_input_display_value=TRUE"), "sysparm_input_display_value")).toBe(
      true,
    );
    expect(() =>
      flag(new URLSearchParams("sysparm_input_display_value=maybe"), "sysparm_input_display_value"),
    ).toThrow("sysparm_input_display_value");
    expect(selectFields(incident, "number,state,number", (f) => f !== "state")).toEqual(["number"]);
    expect(() => selectFields(incident, "number,colour", () => true)).toThrow('"colour"');
  });

  it("API-1: every table answers sys_id and the sys_ audit fields; NOT NULL columns are known", () => {
    for (const name of API_TABLES) {
      const t = TABLES[name];
      for (const f of ["sys_id", "sys_created_on", "sys_created_by", "sys_updated_on", "sys_updated_by"])
        expect(t.fields[f], `${name}.${f}`).toBeDefined();
    }
    expect(requiredColumns(incident).has("shortDescription")).toBe(true);
    expect(requiredColumns(incident).has("onHoldReason")).toBe(false);
    expect(formatDateTime(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02 03:04:05");
  });

  it("REL-1: body date-times are read as the query reads them — UTC, impossible dates refused", () => {
    const task = apiTable("wm_task");
    expect(readBody(task, { window_start: "2026-03-01 10:00:00" }, false).input).toEqual({
      windowStart: new Date("2026-03-01T10:00:00Z"),
    });
    expect(() => readBody(task, { window_start: "2026-02-31 10:00:00" }, false)).toThrow(/^window_start:/);
    expect(readBody(incident, { state: "on hold" }, true).input).toEqual({ state: 3 });
  });
});
