// REC-5: /admin/audit — what administrators changed, by whom, when.
import { describe, expect, it } from "vitest";
import { ADMIN_AUDIT_AREAS } from "@/lib/domain/audit/admin-log";
import { ROLE } from "@/lib/domain/auth/roles";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { db } from "@/lib/db";
import { makeAdmin, makeAgent, makeCase, makeUser } from "@/lib/testing/fixtures";
import { FIELD_MAP_TABLE } from "../field-maps/admin";
import { updateProperty } from "../properties/admin";
import { TOKEN_TABLE } from "../auth/api-token";
import { addTemplate, TEMPLATE_TABLE } from "../itsm/templates";
import { USER_TABLE } from "../users/admin";
import { addUserRole } from "../users/access";
import { listAdminAudit } from "./admin-log";

describe("the audit log of administration (REC-5)", () => {
  it("REC-5: a user's History names who gave them a role and when; a case's changes are not in the log", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    await addUserRole(admin, { userId: String(agent.id), role: ROLE.itil });
    await makeCase(agent); // its audit rows stay on the case
    const history = await listAdminAudit(admin, { area: "sys_user", record: String(agent.id) });
    expect(history.filter).toMatchObject({ area: "sys_user", record: agent.id });
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({
      table: "sys_user",
      recordId: agent.id,
      field: "roles",
      userName: admin.name,
      record: `${agent.name} <${agent.email}>`,
    });
    expect(history.rows[0].newValue).toContain(ROLE.itil);
    const all = await listAdminAudit(admin, { who: admin.name });
    expect(all.rows.every((r) => ADMIN_AUDIT_AREAS.some((a) => a.value === r.table))).toBe(true);
    expect(all.rows.map((r) => r.id)).toContain(history.rows[0].id);
  });

  it("REC-5: settings by area, newest first; an unknown area is all areas and its record is ignored", async () => {
    const admin = await makeAdmin();
    const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.majorCaseThreshold } });
    const value = row?.value === "6" ? "7" : "6";
    await updateProperty(admin, { name: PROPERTY.majorCaseThreshold, value, version: row?.version ?? 0 });
    const props = await listAdminAudit(admin, { area: "sys_properties" });
    expect(props.rows[0]).toMatchObject({
      field: PROPERTY.majorCaseThreshold,
      newValue: value,
      record: null,
    });
    const unknown = await listAdminAudit(admin, { area: "sn_customerservice_case", record: "1" });
    expect(unknown.filter).toMatchObject({ area: null, record: null });
    expect(unknown.rows.some((r) => r.table === "sn_customerservice_case")).toBe(false);
  });

  it("REC-5 / ITSM-1: a standard change template's rows are listed under its area and name it", async () => {
    const admin = await makeAdmin();
    const name = `Template ${Date.now()}`;
    const { id } = await addTemplate(admin, {
      name,
      shortDescription: "Restart",
      impact: "3",
      urgency: "3",
      priority: "4",
      approved: "true",
    });
    const log = await listAdminAudit(admin, { area: TEMPLATE_TABLE, record: String(id) });
    expect(log.rows.map((r) => r.field)).toEqual(expect.arrayContaining(["name", "shortDescription"]));
    expect(log.rows.every((r) => r.record === name && r.userName === admin.name)).toBe(true);
  });

  it("REC-5: the areas are the tables the services write (one list); only administrators read the log", async () => {
    const areas = ADMIN_AUDIT_AREAS.map((a) => a.value) as string[];
    for (const table of [USER_TABLE, FIELD_MAP_TABLE, TOKEN_TABLE, TEMPLATE_TABLE])
      expect(areas).toContain(table);
    for (const who of [await makeAgent(), await makeUser([ROLE.manager])])
      await expect(listAdminAudit(who, {})).rejects.toMatchObject({ kind: "forbidden" });
  });
});
