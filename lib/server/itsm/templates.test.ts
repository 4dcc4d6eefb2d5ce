import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createChangeFromCase } from "@/lib/server/cases/create-related";
import { templateOptions } from "@/lib/server/lookup/choices";
import { makeAdmin, makeAgent, makeCase, makeItil, makeManager, unique } from "@/lib/testing/fixtures";
import { addTemplate, listTemplates, TEMPLATE_TABLE, updateTemplate } from "./templates";

const form = (name: string, extra: Record<string, string> = {}) => ({
  name,
  shortDescription: "Restart the web tier",
  description: "Per runbook RB-12",
  impact: "2",
  urgency: "3",
  priority: "3",
  approved: "true",
  ...extra,
});
const saveForm = (t: { id: number; version: number; name: string }, extra: Record<string, string> = {}) => ({
  id: String(t.id),
  version: String(t.version),
  ...form(t.name),
  active: "true",
  ...extra,
});
const auditOf = (id: number) =>
  db().auditEntry.findMany({ where: { table: TEMPLATE_TABLE, recordId: id }, orderBy: { id: "asc" } });
const offered = async (id: number) => (await templateOptions()).some((o) => o.value === id);

describe("standard change templates on /admin/change-templates (ITSM-1, ADM-2, REC-5, REC-6)", () => {
  it("ITSM-1: an admin's new template is offered at once and Create Standard Change makes a change from it", async () => {
    const admin = await makeAdmin();
    await templateOptions(); // the dialog's list is cached: the new template must not wait for it
    const name = unique("Add disk ");
    const { id } = await addTemplate(admin, form(name));
    expect(await offered(id)).toBe(true);
    const agent = await makeAgent();
    const c = await makeCase(agent, { shortDescription: "Case words", priority: 1 });
    const { number } = await createChangeFromCase(agent, c.number, { type: "standard", templateId: id });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { number } })).toMatchObject({
      type: "standard",
      templateId: id,
      shortDescription: "Restart the web tier",
      description: "Per runbook RB-12",
      impact: 2,
      urgency: 3,
      priority: 3,
    });
    // REC-5: the creation is audited with its initial values, by the admin.
    const rows = await auditOf(id);
    expect(rows.map((r) => [r.field, r.newValue])).toEqual(
      expect.arrayContaining([
        ["name", name],
        ["shortDescription", "Restart the web tier"],
        ["approved", "true"],
      ]),
    );
    expect(rows.every((r) => r.userId === admin.id)).toBe(true);
    const listed = (await listTemplates(admin)).find((t) => t.id === id)!;
    expect(listed._count.changes).toBe(1);
  });

  it("ITSM-1: a template not approved, or retired, is no longer offered nor accepted; changes made before keep theirs", async () => {
    const admin = await makeAdmin();
    const agent = await makeAgent();
    const made = await addTemplate(admin, form(unique("Patch ")));
    const c = await makeCase(agent);
    const { number } = await createChangeFromCase(agent, c.number, { type: "standard", templateId: made.id });
    const t = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id: made.id } });

    await expect(updateTemplate(admin, saveForm(t, { approved: "false" }))).resolves.toMatchObject({
      changed: true,
    });
    expect(await offered(t.id)).toBe(false);
    await expect(
      createChangeFromCase(agent, (await makeCase(agent)).number, { type: "standard", templateId: t.id }),
    ).rejects.toMatchObject({ field: "templateId", message: expect.stringMatching(/not approved/) });

    const again = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id: t.id } });
    await updateTemplate(admin, saveForm(again, { shortDescription: "Changed words", active: "false" }));
    // The agent's dialog, opened before, still lists it: the refusal names it and says to reload.
    await expect(
      createChangeFromCase(agent, (await makeCase(agent)).number, { type: "standard", templateId: t.id }),
    ).rejects.toMatchObject({
      field: "templateId",
      message: `The template "${t.name}" has been retired: reload the page for the current list.`,
    });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { number } })).toMatchObject({
      templateId: t.id,
      shortDescription: "Restart the web tier",
    });
    // Approved and active again: offered again.
    const last = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id: t.id } });
    await updateTemplate(admin, saveForm(last, { approved: "true", active: "true" }));
    expect(await offered(t.id)).toBe(true);
  });

  it("REC-5 / REC-6: a save audits each changed field old → new; a stale version or no change writes nothing", async () => {
    const admin = await makeAdmin();
    const { id } = await addTemplate(admin, form(unique("Rotate ")));
    const t = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id } });
    const before = (await auditOf(id)).length;

    await expect(updateTemplate(admin, saveForm(t))).resolves.toEqual({ id, changed: false });
    expect(await db().standardChangeTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 1,
    });

    await updateTemplate(admin, saveForm(t, { urgency: "1", approved: "false" }));
    expect((await auditOf(id)).slice(before).map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ["urgency", "3", "1"],
      ["approved", "true", "false"],
    ]);
    // The form opened before that save still says version 1.
    await expect(updateTemplate(admin, saveForm(t, { priority: "1" }))).rejects.toMatchObject({
      kind: "conflict",
      field: "version",
    });
    expect(await db().standardChangeTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({
      priority: 3,
      version: 2,
    });
  });

  it("ITSM-1: a second template of one name is refused naming Name — also when two are added at once", async () => {
    const admin = await makeAdmin();
    const name = unique("Same ");
    const sent = await Promise.allSettled([addTemplate(admin, form(name)), addTemplate(admin, form(name))]);
    expect(sent.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const refused = sent.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: "conflict", field: "name" });
    expect(await db().standardChangeTemplate.count({ where: { name } })).toBe(1);

    // In any letter case or spacing: agents could not tell the two apart in the picker.
    await expect(
      addTemplate(admin, form(`  ${name.toUpperCase().replace(" ", "   ")} `)),
    ).rejects.toMatchObject({
      kind: "conflict",
      field: "name",
      message: expect.stringContaining(name),
    });
    const other = await addTemplate(admin, form(unique("Other ")));
    const t = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id: other.id } });
    await expect(updateTemplate(admin, saveForm(t, { name }))).rejects.toMatchObject({
      kind: "conflict",
      field: "name",
      message: expect.stringContaining(name),
    });
    expect(await db().standardChangeTemplate.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      name: t.name,
      version: 1,
    });
  });

  it("ITSM-1: bad input is refused naming the field, nothing written", async () => {
    const admin = await makeAdmin();
    const count = await db().standardChangeTemplate.count();
    const cases: [Record<string, string>, string][] = [
      [{ name: "  " }, "name"],
      [{ name: "Two\nlines" }, "name"],
      [{ shortDescription: "" }, "shortDescription"],
      [{ impact: "9" }, "impact"],
      [{ priority: "0x1" }, "priority"],
      [{ approved: "yes" }, "approved"],
    ];
    for (const [bad, field] of cases)
      await expect(addTemplate(admin, { ...form(unique("Bad ")), ...bad }), field).rejects.toMatchObject({
        kind: "invalid",
        fields: { [field]: expect.any(String) },
      });
    expect(await db().standardChangeTemplate.count()).toBe(count);
  });

  it("ROLE-4 / ITSM-1: only an administrator lists, adds or changes templates", async () => {
    const admin = await makeAdmin();
    const { id } = await addTemplate(admin, form(unique("Guarded ")));
    const t = await db().standardChangeTemplate.findUniqueOrThrow({ where: { id } });
    for (const actor of [await makeItil(), await makeManager(), await makeAgent()]) {
      await expect(listTemplates(actor)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(addTemplate(actor, form(unique("Not mine ")))).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(updateTemplate(actor, saveForm(t, { approved: "false" }))).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect(await db().standardChangeTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({
      approved: true,
      version: 1,
    });
  });
});
