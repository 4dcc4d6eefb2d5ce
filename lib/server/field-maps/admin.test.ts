import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAdmin, makeItil, makeManager } from "@/lib/testing/fixtures";
import {
  FIELD_MAP_TABLE,
  addFieldMapRow,
  listFieldMaps,
  removeFieldMapRow,
  updateFieldMapRow,
} from "./admin";

const snapshot = () => db().fieldMap.findMany({ orderBy: { id: "asc" } });

describe("field maps admin (ADM-2, PRO-2, ROLE-4)", () => {
  it("PRO-2: the default maps are seeded by the migration (FSM-1's case → work order too)", async () => {
    const maps = await listFieldMaps(await makeAdmin());
    const incidentToCase = maps.find((m) => m.name === "incident_to_case")!.rows;
    expect(incidentToCase.map((r) => [r.sourceField ?? `=${r.constantValue}`, r.targetField])).toEqual([
      ["short_description", "short_description"],
      ["description", "description"],
      ["impact", "impact"],
      ["urgency", "urgency"],
      ["sys_id", "incident"],
      ["=true", "proactive"],
      ["=proactive", "channel"],
    ]);
    expect(maps.find((m) => m.name === "case_to_work_order")!.rows.map((r) => r.targetField)).toEqual([
      "account",
      "consumer",
      "contact",
      "asset",
      "partner",
      "partner_contact",
      "short_description",
      "description",
      "priority",
    ]);
  });

  it("ADM-2: a bad row (unknown field, a constant of the wrong type) is refused naming the field, nothing written", async () => {
    const admin = await makeAdmin();
    const before = await snapshot();
    const add = (sourceField: string | null, constantValue: string | null, targetField: string) =>
      addFieldMapRow(admin, {
        mapName: "case_to_work_order",
        sourceField,
        constantValue,
        targetField,
        order: 1,
      });
    await expect(add("no_such_field", null, "initiated_from")).rejects.toMatchObject({
      kind: "invalid",
      field: "sourceField",
      message: 'Source field "no_such_field" is not a field of the case.',
    });
    await expect(add(null, "urgent", "initiated_from")).rejects.toMatchObject({
      kind: "invalid",
      field: "constantValue",
    });
    await expect(add("contact", null, "account")).rejects.toMatchObject({
      kind: "invalid",
      field: "sourceField",
    });
    await expect(add("account", null, "account")).rejects.toMatchObject({
      kind: "conflict",
      field: "targetField",
    });
    const row = (await snapshot()).find(
      (r) => r.mapName === "case_to_work_order" && r.targetField === "priority",
    )!;
    await expect(
      updateFieldMapRow(admin, {
        ...row,
        constantValue: "7",
        sourceField: null,
        version: row.version,
      }),
    ).rejects.toMatchObject({ kind: "invalid", field: "constantValue" });
    expect(await snapshot()).toEqual(before);
  });

  it("FSM-2 / ADM-2: Company and Caller of a work order cannot be map targets (they follow Account and Contact)", async () => {
    const admin = await makeAdmin();
    for (const targetField of ["company", "caller"])
      await expect(
        addFieldMapRow(admin, {
          mapName: "case_to_work_order",
          sourceField: "account",
          constantValue: null,
          targetField,
          order: 1,
        }),
      ).rejects.toMatchObject({ kind: "invalid", field: "targetField" });
  });

  it("ADM-2, REC-6: an admin adds, changes and removes a row, audited; a stale version is refused", async () => {
    const admin = await makeAdmin();
    const { id } = await addFieldMapRow(admin, {
      mapName: "incident_to_case",
      sourceField: "problem_id",
      constantValue: null,
      targetField: "problem",
      order: 1000,
    });
    const r = await db().fieldMap.findUniqueOrThrow({ where: { id } });
    const update = {
      sourceField: null,
      constantValue: "3",
      targetField: "priority",
      order: 1000,
      active: true,
    };
    expect(await updateFieldMapRow(admin, { id, ...update, version: r.version })).toMatchObject({
      changed: true,
    });
    await expect(updateFieldMapRow(admin, { id, ...update, version: r.version })).rejects.toMatchObject({
      kind: "conflict",
    });
    await expect(removeFieldMapRow(admin, { id, version: r.version })).rejects.toMatchObject({
      kind: "conflict",
    });
    await removeFieldMapRow(admin, { id, version: r.version + 1 });
    expect(await db().fieldMap.findUnique({ where: { id } })).toBeNull();
    const audit = await db().auditEntry.findMany({
      where: { table: FIELD_MAP_TABLE, recordId: id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue])).toEqual([
      ["incident_to_case", null, "problem_id → problem"],
      ["sourceField", "problem_id", null],
      ["constantValue", null, "3"],
      ["targetField", "problem", "priority"],
      ["incident_to_case", '"3" → priority', null],
    ]);
  });

  it("ROLE-4: only an admin reads or edits field maps", async () => {
    const before = await snapshot();
    const row = before[0];
    for (const actor of [await makeItil(), await makeManager()]) {
      await expect(listFieldMaps(actor)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(
        addFieldMapRow(actor, {
          mapName: "incident_to_case",
          sourceField: null,
          constantValue: "1",
          targetField: "priority",
          order: 1,
        }),
      ).rejects.toMatchObject({ kind: "forbidden" });
      await expect(updateFieldMapRow(actor, { ...row, version: row.version })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(removeFieldMapRow(actor, { id: row.id, version: row.version })).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
