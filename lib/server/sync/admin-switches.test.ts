// ADM-2 / ITSM-5 / WRK-1: an admin's switch clicked twice at once (two tabs, two admins) changes and
// audits it once; the first write of a switch's row never fails on its unique key.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, unique } from "@/lib/testing/fixtures";
import { createGroup, setGroupActive } from "../assignment/write";
import { setPluginActive } from "../plugins/admin";
import { setRuleActive } from "./admin";

const five = <T>(run: () => Promise<T>) => Promise.all(Array.from({ length: 5 }, run));

describe("an admin's switch clicked at once (ADM-2)", () => {
  it("ADM-2: five deactivations of one business rule at once change and audit it once", async () => {
    const admin = await makeAdmin();
    const rule = { table: "incident", name: "Update case worknote for state change" };
    const field = `${rule.table}/${rule.name}`;
    const before = await db().auditEntry.count({ where: { table: "sys_script", field } });
    try {
      const outs = await five(() => setRuleActive(admin, { ...rule, active: false }));
      expect(outs.filter((o) => o.changed)).toHaveLength(1);
      expect(await db().auditEntry.count({ where: { table: "sys_script", field } })).toBe(before + 1);
    } finally {
      await setRuleActive(admin, { ...rule, active: true });
    }
  });

  it("ITSM-5: five switch-offs of one plugin at once change and audit it once", async () => {
    const admin = await makeAdmin();
    const id = PLUGIN.requestManagement;
    const before = await db().auditEntry.count({ where: { table: "v_plugin", field: id } });
    try {
      const outs = await five(() => setPluginActive(admin, { id, active: false }));
      expect(outs.filter((o) => o.changed)).toHaveLength(1);
      expect(await db().auditEntry.count({ where: { table: "v_plugin", field: id } })).toBe(before + 1);
    } finally {
      await setPluginActive(admin, { id, active: true });
    }
  });

  it("WRK-1: five deactivations of one group at once change it and audit it once", async () => {
    const admin = await makeAdmin();
    const group = await createGroup(admin, { name: unique("Switch group ") });
    const outs = await five(() => setGroupActive(admin, group.id, { active: false }));
    expect(outs.filter((o) => o.changed)).toHaveLength(1);
    const row = await db().group.findUniqueOrThrow({ where: { id: group.id } });
    expect(row).toMatchObject({ active: false, version: 2 });
    const audited = await db().auditEntry.count({
      where: { table: TABLE.group, recordId: group.id, field: "active", newValue: "false" },
    });
    expect(audited).toBe(1);
  });
});
