import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db";
import { limitSql, modelOf, numberOrDescription, numberOrTextSearch, offsetSql, tableSql } from "./sql";
import { RECORD_TABLE } from "./record-tables";
import { readDisplayValues } from "./display-values";
import { REF_TARGET } from "@/lib/server/api/models";

describe("a table named by code (lib/server/tables/sql.ts)", () => {
  it("API-4: the Table API's model names resolve to Prisma models; anything else is refused", async () => {
    expect(modelOf("changeRequest")).toBe("ChangeRequest");
    expect(modelOf("ChangeRequest")).toBeUndefined();
    expect(modelOf('user" --')).toBeUndefined();
    expect(() => readDisplayValues("nope", "name", [1])).toThrow(/no Prisma model "nope"/);
    const targets = Object.values(REF_TARGET).map((t) => t.model);
    expect(targets.length).toBeGreaterThan(3);
    expect(targets.filter((m) => !modelOf(m))).toEqual([]);
  });

  it("spells each record table as its model, quoted", () => {
    expect(tableSql(RECORD_TABLE.change_request).sql).toBe('"ChangeRequest"');
    expect(Object.values(RECORD_TABLE).every((m) => Object.values(Prisma.ModelName).includes(m))).toBe(true);
  });
});

describe("a page's LIMIT and OFFSET (lib/server/tables/sql.ts)", () => {
  it("PERF-8: LIMIT is written into the statement; OFFSET is a parameter, and absent on the first page", () => {
    expect(limitSql(50)).toMatchObject({ sql: "LIMIT 50", values: [] });
    expect(limitSql(0).sql).toBe("LIMIT 0");
    for (const bad of [1.5, -1, Number.NaN, Number.MAX_SAFE_INTEGER + 1])
      expect(() => limitSql(bad)).toThrow(/whole number/);
    expect(offsetSql(0).sql).toBe("");
    expect(offsetSql(100)).toMatchObject({ values: [100] });
    expect(offsetSql(100).sql).toMatch(/^OFFSET \?$/);
  });
});

describe("a list's search box (lib/server/tables/sql.ts)", () => {
  it("PERF-8: text no number can hold is looked for in the short description only", () => {
    const columns = (text: string) => numberOrTextSearch("c", "case", text).sql.match(/c\."\w+"/g);
    expect(columns("VPN")).toEqual(['c."shortDescription"']);
    expect(columns("s500")).toEqual(['c."number"', 'c."shortDescription"']);
    expect(columns("CS5001234")).toEqual(['c."number"']);
    expect(numberOrTextSearch("c", "case", "cs50").values).toEqual(["CS50%"]);
    // "%" is in no number: escaped, and looked for in the short description only.
    expect(numberOrTextSearch("c", "case", "50%").values).toEqual(["%50\\%%"]);
  });

  it("PERF-8: the ITSM and work-order lists look in the number only for text a number may hold", () => {
    const columns = (kind: "problem" | "workOrder", text: string) =>
      numberOrDescription("r", kind, text).sql.match(/r\."\w+"/g);
    expect(columns("problem", "VPN")).toEqual(['r."shortDescription"']);
    expect(columns("problem", "rb40")).toEqual(['r."number"', 'r."shortDescription"']);
    expect(columns("workOrder", "CS5")).toEqual(['r."shortDescription"']);
    expect(columns("workOrder", "wo0010001")).toEqual(['r."number"', 'r."shortDescription"']);
  });
});
