// API-2 for sys_properties: the admin properties page's rules through the API (ADM-1, ROLE-4).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOfName } from "@/lib/domain/api/sys-id";
import { LISTED_PROPERTIES, PROPERTY } from "@/lib/domain/properties/catalog";
import { api, errorMessage, record, records } from "@/lib/testing/api";
import { makeAdmin, makeAgent } from "@/lib/testing/fixtures";
import { materialiseListedProperties } from "../../properties/materialise";

const LIST = "/api/now/table/sys_properties";
const pathOf = (name: string) => `${LIST}/${sysIdOfName("sys_properties", name)}`;

describe("Table API: sys_properties (API-2, ADM-1, ROLE-4)", () => {
  it("ADM-1: the table lists exactly the listed properties, never-saved ones at their default and version 0", async () => {
    const admin = await makeAdmin();
    await db().systemProperty.deleteMany({ where: { name: PROPERTY.commentsSync } });
    await db().systemProperty.upsert({
      where: { name: "glide.old.unlisted" },
      create: {
        name: "glide.old.unlisted",
        type: "string",
        value: "x",
        defaultValue: "x",
        description: "old",
      },
      update: {},
    });
    const list = await api("GET", `${LIST}?sysparm_limit=100`, { as: admin });
    expect(list.status).toBe(200);
    expect(
      records(list)
        .map((r) => r.name)
        .sort(),
    ).toEqual(LISTED_PROPERTIES.map((p) => p.name).sort());
    const def = LISTED_PROPERTIES.find((p) => p.name === PROPERTY.commentsSync)!;
    expect(records(list).find((r) => r.name === def.name)).toMatchObject({
      value: def.defaultValue,
      sys_mod_count: "0",
      sys_id: sysIdOfName("sys_properties", def.name),
    });
    expect((await api("GET", pathOf("glide.old.unlisted"), { as: admin })).status).toBe(404);
    expect(
      (await api("PATCH", pathOf("glide.old.unlisted"), { as: admin, body: { value: "y" } })).status,
    ).toBe(404);
  });

  it("ADM-1: materialising the listed rows is idempotent and safe when readers race", async () => {
    await db().systemProperty.deleteMany({ where: { name: PROPERTY.autoCloseDays } });
    await Promise.all([1, 2, 3, 4].map(() => materialiseListedProperties()));
    await materialiseListedProperties();
    const rows = await db().systemProperty.findMany({ where: { name: PROPERTY.autoCloseDays } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 0 });
  });

  it("API-2, ADM-1, REC-6: PATCH value is type-checked (400 naming value); a stale sys_mod_count is a 409", async () => {
    const admin = await makeAdmin();
    const path = pathOf(PROPERTY.majorCaseThreshold);
    const before = record(await api("GET", path, { as: admin }));
    const bad = await api("PATCH", path, { as: admin, body: { value: "lots" } });
    expect(bad.status).toBe(400);
    expect(errorMessage(bad)).toMatch(/^value: .*whole number/);
    const next = String(Number(before.value) + 1);
    const saved = await api("PATCH", path, {
      as: admin,
      body: { value: next, sys_mod_count: before.sys_mod_count },
    });
    expect(saved.status).toBe(200);
    expect(record(saved)).toMatchObject({
      value: next,
      sys_mod_count: String(Number(before.sys_mod_count) + 1),
    });
    const stale = await api("PATCH", path, {
      as: admin,
      body: { value: "3", sys_mod_count: before.sys_mod_count },
    });
    expect(stale.status).toBe(409);
    expect(
      (await db().systemProperty.findUniqueOrThrow({ where: { name: PROPERTY.majorCaseThreshold } })).value,
    ).toBe(next);
    // A read-only field is ignored, as ServiceNow does: the property keeps its name.
    const name = await api("PATCH", path, { as: admin, body: { name: "other" } });
    expect(name.status).toBe(200);
    expect(record(name).name).toBe(PROPERTY.majorCaseThreshold);
  });

  it("ROLE-4: an agent can neither read nor change properties (403); nobody creates one (403)", async () => {
    const agent = await makeAgent();
    const path = pathOf(PROPERTY.majorCaseThreshold);
    expect((await api("GET", LIST, { as: agent })).status).toBe(403);
    expect((await api("PATCH", path, { as: agent, body: { value: "2" } })).status).toBe(403);
    const admin = await makeAdmin();
    expect((await api("POST", LIST, { as: admin, body: { value: "2" } })).status).toBe(403);
  });
});
