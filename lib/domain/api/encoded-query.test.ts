import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { OPERATORS, parseEncodedQuery, splitSegments } from "./encoded-query";

/** The 400 a query gets: kind, field and message of the DomainError thrown. */
function refusal(q: string) {
  try {
    parseEncodedQuery(q);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kind: e.kind, field: e.field, message: e.message };
  }
  throw new Error(`accepted: ${q}`);
}

describe("encoded query syntax (API-1)", () => {
  it("API-1: every operator reads as field, operator and value — the longest operator wins", () => {
    const cases: [string, string, string][] = [
      ["state=2", "=", "2"],
      ["state!=2", "!=", "2"],
      ["short_descriptionLIKEvpn", "LIKE", "vpn"],
      ["short_descriptionNOT LIKEvpn", "NOT LIKE", "vpn"],
      ["short_descriptionSTARTSWITHVPN down", "STARTSWITH", "VPN down"],
      ["short_descriptionENDSWITHdown", "ENDSWITH", "down"],
      ["stateIN1,2,3", "IN", "1,2,3"],
      ["stateNOT IN1,2", "NOT IN", "1,2"],
      ["callerISEMPTY", "ISEMPTY", ""],
      ["callerISNOTEMPTY", "ISNOTEMPTY", ""],
      ["reassignment_count<3", "<", "3"],
      ["reassignment_count>3", ">", "3"],
      ["reassignment_count<=3", "<=", "3"],
      ["reassignment_count>=3", ">=", "3"],
      ["short_description==x", "=", "=x"],
    ];
    for (const [q, op, value] of cases) {
      const field = q.match(/^[a-z_]+/)![0];
      expect(parseEncodedQuery(q), q).toEqual({ where: [[{ field, op, value }]], orderBy: [] });
    }
    expect(new Set(cases.map(([, op]) => op))).toEqual(new Set(OPERATORS));
  });

  it("API-1: ^ is AND, ^OR joins the previous condition's group (a=1^b=2^ORc=3 is a AND (b OR c))", () => {
    expect(parseEncodedQuery("active=true^state=1^ORstate=2^ORcallerISEMPTY^number=INC1").where).toEqual([
      [{ field: "active", op: "=", value: "true" }],
      [
        { field: "state", op: "=", value: "1" },
        { field: "state", op: "=", value: "2" },
        { field: "caller", op: "ISEMPTY", value: "" },
      ],
      [{ field: "number", op: "=", value: "INC1" }],
    ]);
  });

  it("API-1: ORDERBY and ORDERBYDESC add ordering in the order given, between conditions too", () => {
    expect(parseEncodedQuery("ORDERBYDESCsys_created_on^state=1^ORDERBYnumber")).toEqual({
      where: [[{ field: "state", op: "=", value: "1" }]],
      orderBy: [
        { field: "sys_created_on", desc: true },
        { field: "number", desc: false },
      ],
    });
  });

  it("API-1: ^^ is a literal caret in a value; ^EQ and empty segments are ignored", () => {
    expect(splitSegments("a=x^^y^b=1")).toEqual(["a=x^y", "b=1"]);
    expect(parseEncodedQuery("short_descriptionLIKEa^^b^^^state=1^^^EQ")).toEqual({
      where: [
        [{ field: "short_description", op: "LIKE", value: "a^b^" }],
        [{ field: "state", op: "=", value: "1^" }],
      ],
      orderBy: [],
    });
    expect(parseEncodedQuery("^state=1^^^EQ^")).toEqual({
      where: [[{ field: "state", op: "=", value: "1^" }]],
      orderBy: [],
    });
    expect(parseEncodedQuery("")).toEqual({ where: [], orderBy: [] });
    expect(parseEncodedQuery("^EQ")).toEqual({ where: [], orderBy: [] });
    expect(parseEncodedQuery("u.name=x").where).toEqual([[{ field: "u.name", op: "=", value: "x" }]]);
  });

  it("REL-1: an unknown operator is a 400 naming it, the field and the supported ones", () => {
    expect(refusal("stateBETWEEN1@3")).toEqual({
      kind: "invalid",
      field: "sysparm_query",
      message:
        'Operator "BETWEEN" is not supported for field "state" in sysparm_query ' +
        "(supported: =, !=, LIKE, NOT LIKE, STARTSWITH, ENDSWITH, IN, NOT IN, ISEMPTY, ISNOTEMPTY, <, >, <=, >=).",
    });
    expect(refusal("state~1").message).toMatch(/^Operator "~" is not supported for field "state"/);
    expect(refusal("state").message).toBe('Condition "state" in sysparm_query has no operator.');
  });

  it("REL-1: a leading ^OR, a bad field name, ^NQ and a value after ISEMPTY are refused clearly", () => {
    expect(refusal("ORstate=1").message).toBe('sysparm_query cannot start with ^OR ("ORstate=1").');
    expect(refusal("ORDERBYnumber^ORstate=1").message).toBe(
      'sysparm_query cannot start with ^OR ("ORstate=1").',
    );
    expect(refusal("State=1").message).toBe('Expected a field name at "State=1" in sysparm_query.');
    expect(refusal("=1").message).toBe('Expected a field name at "=1" in sysparm_query.');
    expect(refusal("state=1^NQstate=2").message).toBe(
      "New queries (^NQ) are not supported in sysparm_query; send one query per request.",
    );
    expect(refusal("callerISEMPTYx").message).toBe(
      'Operator "ISEMPTY" takes no value in sysparm_query (field "caller", found "x").',
    );
    expect(refusal("ORDERBYnumber desc").message).toBe(
      'ORDERBY in sysparm_query needs a field name, found "number desc".',
    );
    expect(refusal("ORDERBYDESC").message).toBe('ORDERBY in sysparm_query needs a field name, found "".');
  });

  it("REL-1: more than 4,000 characters or more than 100 conditions is a 400", () => {
    const long = `short_descriptionLIKE${"x".repeat(4000)}`;
    expect(refusal(long).message).toBe("sysparm_query is too long (4021 characters; at most 4000).");
    expect(parseEncodedQuery(`short_description=${"x".repeat(3982)}`).where).toHaveLength(1);
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => `state=${i}`).join("^OR");
    expect(parseEncodedQuery(conditions(100)).where[0]).toHaveLength(100);
    expect(refusal(conditions(101)).message).toBe("sysparm_query has more than 100 conditions.");
  });
});
