import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { makeAdmin, makeAgent, makeManager } from "@/lib/testing/fixtures";
import { listProperties, updateProperty } from "./admin";
import { integerProperty } from "./read";

describe("system properties (ADM-1, ROLE-4)", () => {
  it("ADM-1: lists every property with type, value, default and description", async () => {
    const admin = await makeAdmin();
    const props = await listProperties(admin);
    expect(props.map((p) => p.name)).toContain(PROPERTY.autoCloseDays);
    expect(props.every((p) => p.type && p.description && p.defaultValue !== undefined)).toBe(true);
  });

  it("ADM-1: a non-number is refused with a clear error and nothing changes", async () => {
    const admin = await makeAdmin();
    const current = (await listProperties(admin)).find((p) => p.name === PROPERTY.autoCloseDays)!;
    await expect(
      updateProperty(admin, { name: PROPERTY.autoCloseDays, value: "lots", version: current.version }),
    ).rejects.toMatchObject({
      kind: "invalid",
      message: `${PROPERTY.autoCloseDays} must be a whole number, not "lots".`,
    });
    expect(await integerProperty(PROPERTY.autoCloseDays)).toBe(Number(current.value));
  });

  it("ADM-1: an admin changes a property, audited; a stale form is refused", async () => {
    const admin = await makeAdmin();
    const current = (await listProperties(admin)).find((p) => p.name === PROPERTY.autoCloseDays)!;
    const next = String(Number(current.value) + 1);
    await updateProperty(admin, { name: PROPERTY.autoCloseDays, value: next, version: current.version });
    expect(await integerProperty(PROPERTY.autoCloseDays)).toBe(Number(next));
    await expect(
      updateProperty(admin, { name: PROPERTY.autoCloseDays, value: "3", version: current.version }),
    ).rejects.toMatchObject({
      kind: "conflict",
    });
    const audit = await db().auditEntry.findFirst({
      where: { table: "sys_properties", field: PROPERTY.autoCloseDays },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ oldValue: current.value, newValue: next, userId: admin.id });
  });

  it("ROLE-4: non-admins can neither read nor change properties", async () => {
    for (const who of [await makeAgent(), await makeManager()]) {
      await expect(listProperties(who)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(
        updateProperty(who, { name: PROPERTY.autoCloseDays, value: "3", version: 0 }),
      ).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
  });
});
