import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAdmin, makeAgent, makeCase, makeItil, makeUser, unique } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { createCase, updateCase } from "../cases/write";
import { createIncident } from "../incidents/write";
import { lookup } from "../lookup/search";
import { assigneeOptions } from "../lookup/choices";
import { assignmentChoices } from "./read";

const mailTo = (email: string) => db().outboxMessage.findMany({ where: { recipient: email } });

describe("WRK-1: an assignee can work the record", () => {
  it("WRK-1: a case is assigned to no ITSM fulfiller: refused naming the role, not offered, not emailed", async () => {
    const agent = await makeAgent();
    const itil = await makeUser([ROLE.itil], { name: unique("Ian Fulfiller ") });
    const { group } = await makeGroup(agent, itil);
    await expect(
      createCase(agent, { shortDescription: "x", assignmentGroupId: group.id, assignedToId: itil.id }),
    ).rejects.toMatchObject({
      field: "assignedToId",
      message: `Assigned to: ${itil.name} cannot work cases (no agent or manager role).`,
    });
    // Without a group too.
    const c = await makeCase(agent, {});
    await expect(
      updateCase(agent, c.number, { version: c.version, assignedToId: itil.id }),
    ).rejects.toMatchObject({ field: "assignedToId" });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assignedToId).toBeNull();
    // The form's choices, the lookup and the list's people offer the agent, not the fulfiller.
    const choices = await assignmentChoices(group.id, "case");
    expect(choices.assignees?.map((o) => o.value)).toEqual([agent.id]);
    const found = await lookup(
      agent,
      "users",
      new URLSearchParams({ group: String(group.id), works: "case" }),
    );
    expect(found.map((o) => o.id)).toEqual([agent.id]);
    // Without a group: the people who can work cases (a typeahead past 200 people, a select before).
    const named = await lookup(agent, "users", new URLSearchParams({ q: itil.name, works: "case" }));
    expect(named).toEqual([]);
    const options = await assigneeOptions("case");
    if (options) expect(options.map((o) => o.value)).not.toContain(itil.id);
    // The group's queue email goes to those who can take the case.
    await updateCase(agent, c.number, { version: c.version, assignmentGroupId: group.id });
    expect(await mailTo(itil.email)).toHaveLength(0);
  });

  it("WRK-1: an incident is assigned to a fulfiller, not to an agent without itil; an admin may take either", async () => {
    const itil = await makeItil();
    const agent = await makeAgent();
    const admin = await makeAdmin();
    const { group } = await makeGroup(itil, agent, admin);
    await expect(
      createIncident(itil, { shortDescription: "x", assignmentGroupId: group.id, assignedToId: agent.id }),
    ).rejects.toMatchObject({
      field: "assignedToId",
      message: expect.stringMatching(/cannot work incidents/),
    });
    const ids = (await assignmentChoices(group.id, "incident")).assignees?.map((o) => o.value).sort();
    expect(ids).toEqual([itil.id, admin.id].sort());
    await createIncident(itil, {
      shortDescription: "x",
      assignmentGroupId: group.id,
      assignedToId: admin.id,
    });
    await makeCase(agent, { assignmentGroupId: group.id, assignedToId: admin.id });
  });

  it("WRK-1: an assignee who lost the role since stays on the case through unrelated edits", async () => {
    const agent = await makeAgent();
    const other = await makeAgent();
    const { group } = await makeGroup(agent, other);
    const c = await makeCase(agent, { assignmentGroupId: group.id, assignedToId: other.id });
    await db().userRole.deleteMany({ where: { userId: other.id, role: ROLE.agent } });
    const account = await db().account.create({
      data: { number: unique("ACC9"), name: unique("Acc "), nameKey: unique("acc ") },
    });
    await updateCase(agent, c.number, { version: c.version, accountId: account.id });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assignedToId).toBe(other.id);
  });
});
