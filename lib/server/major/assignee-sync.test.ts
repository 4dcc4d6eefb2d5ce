// WRK-1 / MAJ-5: with assigned_to in case_fields_to_sync, the major case's assignee reaches its
// children with the major case's group (an assignee is a member of the record's group), and each
// child's new assignee is emailed, as assigning it on its own form would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeCase, makeManager } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { updateCase } from "../cases/write";
import { updateProperty } from "../properties/admin";
import { addChildCase } from "./children";
import { acceptMajorCase, proposeMajorCase } from "./propose";

let before = "";
const setSynced = async (value: string) => {
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.caseFieldsToSync } });
  await updateProperty(await makeAdmin(), {
    name: PROPERTY.caseFieldsToSync,
    value,
    version: row?.version ?? 0,
  });
  return row?.value ?? "priority,state,comments,work_notes,close_notes,resolution_code";
};
beforeAll(async () => {
  before = await setSynced("priority,state,comments,work_notes,close_notes,resolution_code,assigned_to");
});
afterAll(async () => {
  await setSynced(before);
});

describe("a major case's assignee synced to its children (WRK-1, MAJ-5)", () => {
  it("WRK-1: the children get the major case's group with its assignee, and the assignee one email per child", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const alex = await makeAgent();
    const { group: service } = await makeGroup(alex);
    const { group: network } = await makeGroup(agent);
    const candidate = await makeCase(agent, { assignmentGroupId: network.id });
    await proposeMajorCase(agent, candidate.number, {
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const other = await makeCase(agent, { assignmentGroupId: network.id, assignedToId: agent.id });
    await addChildCase(manager, major, other.number);
    const version = (await db().case.findUniqueOrThrow({ where: { number: major } })).version;

    await expect(
      updateCase(manager, major, { version, assignmentGroupId: service.id, assignedToId: alex.id }),
    ).rejects.toMatchObject({ message: expect.stringContaining("the new assignee and assignment group") });
    await updateCase(manager, major, {
      version,
      assignmentGroupId: service.id,
      assignedToId: alex.id,
      confirmChildren: true,
    });
    for (const id of [candidate.id, other.id])
      expect(await db().case.findUniqueOrThrow({ where: { id } })).toMatchObject({
        assignmentGroupId: service.id,
        assignedToId: alex.id,
      });
    const mails = await db().outboxMessage.findMany({
      where: { recipient: alex.email, sourceTable: TABLE.case, sourceId: { in: [candidate.id, other.id] } },
    });
    expect(mails).toHaveLength(2);
    const audit = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: other.id, field: { in: ["assignedToId", "assignmentGroupId"] } },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audit.map((a) => a.field).sort()).toEqual(["assignedToId", "assignmentGroupId"]);
  });

  it("WRK-1: unassigning the major case moves an unassigned child of another group into its queue, and tells that queue", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const alex = await makeAgent();
    const { group: service } = await makeGroup(alex);
    const { group: network } = await makeGroup(agent);
    const candidate = await makeCase(agent, { assignmentGroupId: service.id });
    await proposeMajorCase(agent, candidate.number, {
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const versionOf = async () => (await db().case.findUniqueOrThrow({ where: { number: major } })).version;
    await updateCase(manager, major, {
      version: await versionOf(),
      assignmentGroupId: service.id,
      assignedToId: alex.id,
      confirmChildren: true,
    });
    // A child of the Network queue, with nobody assigned.
    const other = await makeCase(agent, { assignmentGroupId: network.id });
    await addChildCase(manager, major, other.number);
    const mailsAbout = (id: number) =>
      db().outboxMessage.count({ where: { recipient: alex.email, sourceTable: TABLE.case, sourceId: id } });
    const before = await mailsAbout(other.id);

    await updateCase(manager, major, { version: await versionOf(), assignedToId: "", confirmChildren: true });
    expect(await db().case.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      assignmentGroupId: service.id,
      assignedToId: null,
    });
    // The Service Desk queue hears of the case that joined it, as on the case's own form.
    expect(await mailsAbout(other.id)).toBe(before + 1);
  });
});
