import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeCustomer, makeItil, unique } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { createCase, updateCase } from "../cases/write";
import { createIncident, updateIncident } from "../incidents/write";
import { addGroupMember, createGroup, removeGroupMember, setGroupActive, updateGroup } from "./write";

const mailTo = (email: string) => db().outboxMessage.findMany({ where: { recipient: email } });

describe("assignment groups (WRK-1)", () => {
  it("WRK-1: only an admin creates or changes groups; the name is unique in any letter case", async () => {
    const agent = await makeAgent();
    await expect(createGroup(agent, { name: unique("G ") })).rejects.toThrow(/Only administrators/);
    const { admin, group } = await makeGroup();
    await expect(createGroup(admin, { name: group.name.toUpperCase() })).rejects.toMatchObject({
      field: "name",
    });
    await expect(createGroup(admin, { name: "  " })).rejects.toMatchObject({ field: "name" });
    await expect(updateGroup(agent, group.id, { name: "x", version: 1 })).rejects.toThrow(
      /Only administrators/,
    );
  });

  it("WRK-1: members are active internal users; a customer is refused; adding twice adds once; audited", async () => {
    const { admin, group } = await makeGroup();
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    await expect(addGroupMember(admin, group.id, { userId: contact.id })).rejects.toMatchObject({
      field: "userId",
    });
    expect((await addGroupMember(admin, group.id, { userId: agent.id })).added).toBe(true);
    expect((await addGroupMember(admin, group.id, { userId: agent.id })).added).toBe(false);
    expect(await db().groupMember.count({ where: { groupId: group.id } })).toBe(1);
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.group, recordId: group.id, field: "members" },
    });
    expect(audit.map((a) => a.newValue)).toEqual([`+ ${agent.name}`]);
  });

  it("WRK-1: the case's assignee must be an active member of its assignment group", async () => {
    const member = await makeAgent();
    const outsider = await makeAgent();
    const { group } = await makeGroup(member);
    await expect(
      createCase(member, { shortDescription: "x", assignmentGroupId: group.id, assignedToId: outsider.id }),
    ).rejects.toMatchObject({ field: "assignedToId" });
    const c = await makeCase(member, { assignmentGroupId: group.id, assignedToId: member.id });
    expect(c.assignmentGroupId).toBe(group.id);
    await expect(
      updateCase(member, c.number, { version: c.version, assignedToId: outsider.id }),
    ).rejects.toMatchObject({ field: "assignedToId" });
    // Nothing was saved by the refused change.
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assignedToId).toBe(member.id);
  });

  it("WRK-1: an inactive group takes no new work; a removed member keeps the work they have", async () => {
    const member = await makeAgent();
    const { admin, group } = await makeGroup(member);
    const c = await makeCase(member, { assignmentGroupId: group.id, assignedToId: member.id });
    await removeGroupMember(admin, group.id, { userId: member.id });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assignedToId).toBe(member.id);
    await updateCase(member, c.number, { version: c.version, priority: 2 }); // unrelated saves still work
    await setGroupActive(admin, group.id, { active: "false" });
    await expect(
      createCase(member, { shortDescription: "x", assignmentGroupId: group.id }),
    ).rejects.toMatchObject({ field: "assignmentGroupId" });
  });

  it("WRK-1: assigning emails the new assignee, not the one who assigned it; audited", async () => {
    const a = await makeAgent();
    const b = await makeAgent();
    const { group } = await makeGroup(a, b);
    const c = await makeCase(a, { assignmentGroupId: group.id, assignedToId: a.id });
    expect(await mailTo(a.email)).toHaveLength(0); // a assigned it to themselves
    await updateCase(a, c.number, { version: c.version, assignedToId: b.id });
    const [mail] = await mailTo(b.email);
    expect(mail.subject).toBe(`Case ${c.number} has been assigned to you`);
    expect(mail.body).toContain(`${a.name} assigned Case ${c.number} to you.`);
    expect(mail.body).toContain(`/cases/${c.number}`);
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, field: "assignedToId", newValue: String(b.id) },
    });
    expect(audit).toHaveLength(1);
  });

  it("WRK-1: a case put in a group's queue with nobody assigned emails the group's members but the mover", async () => {
    const a = await makeAgent();
    const b = await makeAgent();
    const inactive = await makeAgent();
    const { group } = await makeGroup(a, b, inactive);
    await db().user.update({ where: { id: inactive.id }, data: { active: false } });
    const c = await makeCase(a, {});
    await updateCase(a, c.number, { version: c.version, assignmentGroupId: group.id });
    expect(await mailTo(a.email)).toHaveLength(0);
    expect(await mailTo(inactive.email)).toHaveLength(0);
    const [mail] = await mailTo(b.email);
    expect(mail.subject).toBe(`Case ${c.number} is waiting in the ${group.name} queue`);
  });

  it("WRK-1: a save that changes neither group nor assignee sends nothing more", async () => {
    const a = await makeAgent();
    const b = await makeAgent();
    const { group } = await makeGroup(a, b);
    const c = await makeCase(a, { assignmentGroupId: group.id, assignedToId: b.id });
    expect(await mailTo(b.email)).toHaveLength(1);
    await updateCase(a, c.number, { version: c.version, state: CaseState.Open });
    expect(await mailTo(b.email)).toHaveLength(1);
  });
});

describe("incident assignment (WRK-1)", () => {
  it("WRK-1: an incident's assignee must be a member of its group; the new assignee is emailed", async () => {
    const itil = await makeItil();
    const member = await makeItil();
    const outsider = await makeItil();
    const { group } = await makeGroup(itil, member);
    await expect(
      createIncident(itil, { shortDescription: "x", assignmentGroupId: group.id, assignedToId: outsider.id }),
    ).rejects.toMatchObject({ field: "assignedToId" });
    const { number } = await createIncident(itil, {
      shortDescription: "Router down",
      assignmentGroupId: group.id,
    });
    const [queued] = await mailTo(member.email);
    expect(queued.subject).toBe(`Incident ${number} is waiting in the ${group.name} queue`);
    await updateIncident(itil, number, { version: 1, assignedToId: member.id });
    const mails = await mailTo(member.email);
    expect(mails.map((m) => m.subject)).toContain(`Incident ${number} has been assigned to you`);
    await expect(
      updateIncident(itil, number, { version: 2, assignedToId: outsider.id }),
    ).rejects.toMatchObject({
      field: "assignedToId",
    });
    expect((await db().incident.findUniqueOrThrow({ where: { number } })).assignedToId).toBe(member.id);
  });
});
