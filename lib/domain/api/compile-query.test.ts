import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { list } from "@/lib/domain/records/choices";
import { compileQuery } from "./compile-query";
import { parseEncodedQuery } from "./encoded-query";
import { sysIdOf } from "./sys-id";
import type { ApiTable } from "./table";

/** A small table with a field of every kind (not a real table definition). */
const TABLE: ApiTable = {
  name: "incident",
  displayColumn: "number",
  defaultOrder: [
    { column: "createdAt", desc: true },
    { column: "id", desc: true },
  ],
  fields: {
    sys_id: { column: "id", kind: "sys_id" },
    number: { column: "number", kind: "string" },
    short_description: { column: "shortDescription", kind: "string" },
    reassignment_count: { column: "reassignmentCount", kind: "integer" },
    state: {
      column: "state",
      kind: "choice",
      choices: list<number>([
        [1, "New"],
        [2, "In Progress"],
        [3, "On Hold"],
      ]),
    },
    hold_reason: {
      column: "holdReason",
      kind: "choice",
      choices: list<string>([
        ["awaiting_caller", "Awaiting Caller"],
        ["awaiting_change", "Awaiting Change"],
      ]),
    },
    active: { column: "active", kind: "boolean" },
    sys_created_on: { column: "createdAt", kind: "datetime" },
    caller: { column: "callerId", kind: "reference", ref: "sys_user" },
    sys_updated_by: { column: "updatedBy", kind: "string", computed: true },
  },
};

const compile = (q: string, insensitive = false, required?: Set<string>) =>
  compileQuery(TABLE, parseEncodedQuery(q), { insensitive, required });
/** The where clause of a one-condition query. */
const one = (q: string, insensitive = false, required?: Set<string>) => {
  const { where } = compile(q, insensitive, required);
  return (where as { AND: { OR: unknown[] }[] }).AND[0].OR[0];
};
function refusal(q: string) {
  try {
    compile(q);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect([e.kind, e.field]).toEqual(["invalid", "sysparm_query"]);
    return e.message;
  }
  throw new Error(`accepted: ${q}`);
}
const USER = sysIdOf("sys_user", 42);
const INCIDENT = sysIdOf("incident", 7);
const DEFAULT_ORDER = [{ createdAt: "desc" }, { id: "desc" }];

describe("encoded query → Prisma where (API-1, API-3)", () => {
  it("API-1: ^ and ^OR become AND of OR-groups over the columns; no condition is no filter", () => {
    expect(compile("active=true^state=1^ORshort_descriptionLIKEvpn")).toEqual({
      where: {
        AND: [{ OR: [{ active: true }] }, { OR: [{ state: 1 }, { shortDescription: { contains: "vpn" } }] }],
      },
      orderBy: DEFAULT_ORDER,
    });
    expect(compile("^EQ")).toEqual({ where: {}, orderBy: DEFAULT_ORDER });
  });

  it("API-1: = and != per kind — text, integer, choice by value or label, boolean, date, sys_id, reference", () => {
    expect(one("number=INC0010001")).toEqual({ number: "INC0010001" });
    expect(one("short_description=")).toEqual({ shortDescription: "" });
    expect(one("reassignment_count=-3")).toEqual({ reassignmentCount: -3 });
    expect(one("state=2")).toEqual({ state: 2 });
    expect(one("state=on hold")).toEqual({ state: 3 });
    expect(one("hold_reason=awaiting_change")).toEqual({ holdReason: "awaiting_change" });
    expect(one("hold_reason=Awaiting Caller")).toEqual({ holdReason: "awaiting_caller" });
    expect(one("active=1")).toEqual({ active: true });
    expect(one("active=FALSE")).toEqual({ active: false });
    expect(one(`sys_id=${INCIDENT}`)).toEqual({ id: 7 });
    expect(one(`caller=${USER}`)).toEqual({ callerId: 42 });
    expect(one("state!=2")).toEqual({ state: { not: 2 } });
    expect(one(`caller!=${USER}`)).toEqual({ callerId: { not: 42 } });
    expect(one("active!=true")).toEqual({ active: { not: true } });
  });

  it("API-1: dates are read as UTC — space form, date only, ISO with Z or an offset", () => {
    expect(one("sys_created_on=2026-03-01 10:20:30")).toEqual({
      createdAt: new Date("2026-03-01T10:20:30Z"),
    });
    expect(one("sys_created_on>=2026-03-01")).toEqual({
      createdAt: { gte: new Date("2026-03-01T00:00:00Z") },
    });
    expect(one("sys_created_on<2026-03-01T10:20:30.5Z")).toEqual({
      createdAt: { lt: new Date("2026-03-01T10:20:30.500Z") },
    });
    expect(one("sys_created_on>2026-03-01T10:20+01:00")).toEqual({
      createdAt: { gt: new Date("2026-03-01T09:20:00Z") },
    });
    expect(one("sys_created_on<=2026-03-01T10:20:00-0230")).toEqual({
      createdAt: { lte: new Date("2026-03-01T12:50:00Z") },
    });
  });

  it("API-1: a sys_id of another table or a made-up one matches nothing with = and IN, no error", () => {
    const other = sysIdOf("problem", 42);
    expect(one(`caller=${other}`)).toEqual({ callerId: { in: [] } });
    expect(one(`sys_id=${USER}`)).toEqual({ id: { in: [] } });
    expect(one("caller=nonsense")).toEqual({ callerId: { in: [] } });
    // REL-1: a (forged) sys_id past the 32-bit id columns never reaches the database as a number
    expect(one(`caller=${sysIdOf("sys_user", 2 ** 31)}`)).toEqual({ callerId: { in: [] } });
    expect(one(`callerIN${other},${USER}`)).toEqual({ callerId: { in: [42] } });
    expect(one(`sys_idINx,${INCIDENT}`)).toEqual({ id: { in: [7] } });
    expect(one("callerINx,y")).toEqual({ callerId: { in: [] } });
    expect(one(`caller!=${other}`)).toEqual({ callerId: { not: null } });
    expect(one("sys_id!=x")).toEqual({ id: { notIn: [] } });
    expect(one(`callerNOT INx,${USER}`)).toEqual({ callerId: { notIn: [42] } });
    expect(one("callerNOT INx")).toEqual({ callerId: { not: null } });
    expect(one("sys_idNOT INx")).toEqual({ id: { notIn: [] } });
  });

  it("API-1: LIKE, NOT LIKE, STARTSWITH, ENDSWITH on text; case-insensitive mode when asked", () => {
    expect(one("short_descriptionLIKEvpn")).toEqual({ shortDescription: { contains: "vpn" } });
    expect(one("short_descriptionNOT LIKEvpn")).toEqual({ NOT: { shortDescription: { contains: "vpn" } } });
    expect(one("numberSTARTSWITHINC")).toEqual({ number: { startsWith: "INC" } });
    expect(one("numberENDSWITH01")).toEqual({ number: { endsWith: "01" } });
    expect(one("short_descriptionLIKEVPN", true)).toEqual({
      shortDescription: { contains: "VPN", mode: "insensitive" },
    });
    // `%`, `_` and `\` are text: escaped with a backslash, LIKE's escape on both databases.
    expect(one("short_descriptionNOT LIKE%_\\", true)).toEqual({
      NOT: { shortDescription: { contains: "\\%\\_\\\\", mode: "insensitive" } },
    });
  });

  it("API-1: IN and NOT IN convert each value; <, >, <=, >= on integers, dates and numeric choices", () => {
    expect(one("stateIN1,On Hold")).toEqual({ state: { in: [1, 3] } });
    expect(one("stateNOT IN1,2")).toEqual({ state: { notIn: [1, 2] } });
    expect(one("numberININC1,INC2")).toEqual({ number: { in: ["INC1", "INC2"] } });
    expect(one("hold_reasonINawaiting_caller")).toEqual({ holdReason: { in: ["awaiting_caller"] } });
    expect(one("reassignment_count<3")).toEqual({ reassignmentCount: { lt: 3 } });
    expect(one("reassignment_count>3")).toEqual({ reassignmentCount: { gt: 3 } });
    expect(one("reassignment_count<=3")).toEqual({ reassignmentCount: { lte: 3 } });
    expect(one("state>=In Progress")).toEqual({ state: { gte: 2 } });
  });

  it("API-1: ISEMPTY and ISNOTEMPTY — text also counts the empty string; a record's own id is never empty", () => {
    expect(one("short_descriptionISEMPTY")).toEqual({
      OR: [{ shortDescription: null }, { shortDescription: "" }],
    });
    expect(one("short_descriptionISNOTEMPTY")).toEqual({
      AND: [{ shortDescription: { not: null } }, { shortDescription: { not: "" } }],
    });
    expect(one("callerISEMPTY")).toEqual({ callerId: null });
    expect(one("sys_created_onISNOTEMPTY")).toEqual({ createdAt: { not: null } });
    expect(one("sys_idISEMPTY")).toEqual({ id: { in: [] } });
    expect(one("sys_idISNOTEMPTY")).toEqual({ id: { notIn: [] } });
  });

  it("REL-1: on NOT NULL columns emptiness never filters on null (Prisma refuses it: a 500)", () => {
    const required = new Set(["shortDescription", "callerId", "active", "createdAt", "state"]);
    expect(one("short_descriptionISEMPTY", false, required)).toEqual({ shortDescription: "" });
    expect(one("short_descriptionISNOTEMPTY", false, required)).toEqual({ shortDescription: { not: "" } });
    expect(one("callerISEMPTY", false, required)).toEqual({ callerId: { in: [] } });
    expect(one("callerISNOTEMPTY", false, required)).toEqual({ callerId: { notIn: [] } });
    expect(one("callerNOT INx", false, required)).toEqual({ callerId: { notIn: [] } });
    expect(one("caller!=x", false, required)).toEqual({ callerId: { notIn: [] } });
    expect(one("sys_created_onISEMPTY", false, required)).toEqual({ createdAt: { in: [] } });
    expect(one("stateISNOTEMPTY", false, required)).toEqual({ state: { notIn: [] } });
    expect(one("activeISEMPTY", false, required)).toEqual({ AND: [{ active: true }, { active: false }] });
    expect(one("activeISNOTEMPTY", false, required)).toEqual({ OR: [{ active: true }, { active: false }] });
    expect(one("activeISNOTEMPTY")).toEqual({ active: { not: null } });
  });

  it("API-1: ORDERBY/ORDERBYDESC map to columns in order, then the default order not already given", () => {
    expect(compile("ORDERBYstate^ORDERBYDESCnumber").orderBy).toEqual([
      { state: "asc" },
      { number: "desc" },
      ...DEFAULT_ORDER,
    ]);
    expect(compile("ORDERBYsys_created_on^ORDERBYstate^ORDERBYDESCstate").orderBy).toEqual([
      { createdAt: "asc" },
      { state: "asc" },
      { id: "desc" },
    ]);
  });

  it("API-3: an unknown or computed field is a 400 naming it, in a condition or an ORDERBY", () => {
    expect(refusal("foo=1")).toBe('Unknown field "foo" in sysparm_query for table incident.');
    expect(refusal("state=1^ORconstructor=1")).toBe(
      'Unknown field "constructor" in sysparm_query for table incident.',
    );
    expect(refusal("caller.name=x")).toBe('Unknown field "caller.name" in sysparm_query for table incident.');
    expect(refusal("ORDERBYDESCfoo")).toBe('Unknown field "foo" in sysparm_query for table incident.');
    const computed =
      'Field "sys_updated_by" of table incident is computed: it cannot be filtered or sorted in sysparm_query.';
    expect(refusal("sys_updated_byLIKEadmin")).toBe(computed);
    expect(refusal("ORDERBYsys_updated_by")).toBe(computed);
  });

  it("REL-1: a bad integer, date, boolean or choice is a 400 naming the field and the value", () => {
    expect(refusal("reassignment_count=1.5")).toBe(
      'Field "reassignment_count" in sysparm_query needs a whole number, found "1.5".',
    );
    expect(refusal("reassignment_count>99999999999")).toBe(
      'Field "reassignment_count" in sysparm_query needs a whole number, found "99999999999".',
    );
    const date = (v: string) =>
      'Field "sys_created_on" in sysparm_query needs a date (YYYY-MM-DD HH:mm:ss, YYYY-MM-DD or ISO 8601), ' +
      `found "${v}".`;
    expect(refusal("sys_created_on>yesterday")).toBe(date("yesterday"));
    expect(refusal("sys_created_on>2026-02-31")).toBe(date("2026-02-31"));
    expect(refusal("sys_created_on>2026-03-01 24:00:00")).toBe(date("2026-03-01 24:00:00"));
    expect(refusal("sys_created_on=2026-03-01junk")).toBe(date("2026-03-01junk"));
    expect(refusal("active=yes")).toBe('Field "active" in sysparm_query needs true or false, found "yes".');
    expect(refusal("state=9")).toBe('Field "state" in sysparm_query cannot be "9" (allowed: "1", "2", "3").');
    expect(refusal("stateIN1,Closed")).toBe(
      'Field "state" in sysparm_query cannot be "Closed" (allowed: "1", "2", "3").',
    );
    expect(refusal("hold_reason=other")).toBe(
      'Field "hold_reason" in sysparm_query cannot be "other" (allowed: "awaiting_caller", "awaiting_change").',
    );
  });

  it("REL-1: an operator the field's kind cannot take is a 400 naming the field and the operator", () => {
    expect(refusal(`callerLIKE${USER}`)).toBe(
      'Operator "LIKE" cannot be used on field "caller" (reference) in sysparm_query: it applies to text fields only.',
    );
    expect(refusal("stateSTARTSWITH1")).toBe(
      'Operator "STARTSWITH" cannot be used on field "state" (choice) in sysparm_query: ' +
        "it applies to text fields only.",
    );
    expect(refusal("activeINtrue,false")).toBe(
      'Operator "IN" cannot be used on field "active" (boolean) in sysparm_query: use = or != on true/false fields.',
    );
    const compare = (op: string, field: string, kind: string) =>
      `Operator "${op}" cannot be used on field "${field}" (${kind}) in sysparm_query: ` +
      "it applies to numbers, dates and numeric choices only.";
    expect(refusal("number<INC5")).toBe(compare("<", "number", "string"));
    expect(refusal("hold_reason>=a")).toBe(compare(">=", "hold_reason", "choice"));
    expect(refusal(`caller>${USER}`)).toBe(compare(">", "caller", "reference"));
  });
});
