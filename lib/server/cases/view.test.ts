import { describe, expect, it } from "vitest";
import { ROLE } from "@/lib/domain/auth/roles";
import { db } from "@/lib/db";
import { makeAccount, makeAgent, makeCase, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import { formatDateTime } from "@/lib/domain/time-format";
import { proposeMajorCase } from "../major/propose";
import { makeGroup } from "@/lib/testing/groups";
import { postCaseJournal } from "./journal";
import { runCaseAction, updateCase } from "./write";
import { getCaseView } from "./view";
import { listCases } from "./list";
import { lookup } from "../lookup/search";

describe("case page read", () => {
  it("REC-2 / REC-5: the case page shows names for references and labels for choices, in the form and the history", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, priority: 2 });
    await updateCase(agent, c.number, { version: c.version, assignedToId: agent.id, priority: 1 });
    const view = await getCaseView(agent, c.number);
    expect(view.record.account).toMatchObject({ id: account.id, name: account.name, number: account.number });
    expect(view.record.contact).toMatchObject({ id: contact.id, name: contact.name });
    expect(view.record.assignedTo).toMatchObject({ id: agent.id, name: agent.name });
    expect(view.record.openedBy?.name).toBe(agent.name);
    const lines = Object.fromEntries(view.audit.map((a) => [`${a.label}:${a.newText}`, a.oldText]));
    expect(lines[`Account:${account.name}`]).toBe("(empty)");
    expect(lines[`Assigned to:${agent.name}`]).toBe("(empty)");
    expect(lines["Priority:1 - Critical"]).toBe("2 - High");
  });

  it("REC-5 / PERF-8: the history names both sides of a changed reference, read with the case in one statement", async () => {
    const agent = await makeAgent();
    const [a, b] = [await makeAccount(), await makeAccount()];
    const c = await makeCase(agent, { accountId: a.id });
    await updateCase(agent, c.number, { version: c.version, accountId: b.id });
    const view = await getCaseView(agent, c.number);
    const change = view.audit.find((l) => l.field === "accountId" && l.oldText !== "(empty)");
    expect(change).toMatchObject({ oldText: a.name, newText: b.name, label: "Account" });
    // Times are the stored instants, whatever the server's time zone.
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(view.record.createdAt).toEqual(row.createdAt);
    expect(view.record.updatedAt).toEqual(row.updatedAt);
  });

  it("REC-5: the history names the assignment group and the proposer, and writes times as the workspace does", async () => {
    const agent = await makeAgent();
    const { group } = await makeGroup(agent);
    const c = await makeCase(agent);
    await updateCase(agent, c.number, { version: c.version, assignmentGroupId: group.id });
    await proposeMajorCase(agent, c.number, { workNotes: "All stores", businessImpact: "40 stores" });
    const v = async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
    await runCaseAction(agent, c.number, { action: "accept", version: await v() });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: await v(),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Fixed",
    });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    const view = await getCaseView(agent, c.number);
    const at = (field: string) => view.audit.find((l) => l.field === field);
    expect(at("assignmentGroupId")).toMatchObject({
      label: "Assignment group",
      oldText: "(empty)",
      newText: group.name,
    });
    expect(at("proposedById")).toMatchObject({ label: "Proposed by", newText: agent.name });
    expect(at("proposedAt")).toMatchObject({ label: "Proposed", newText: formatDateTime(row.proposedAt!) });
    expect(at("resolvedAt")).toMatchObject({ label: "Resolved", newText: formatDateTime(row.resolvedAt!) });
  });

  it("JRN-2 / PERF-8: the timeline comes newest first; the fields' options come with the case", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const gone = await makeUser([], { kind: "contact", accountId: account.id });
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    const { contact: elsewhere } = await makeCustomer();
    const other = await makeAgent();
    const { group } = await makeGroup(agent, other);
    const c = await makeCase(agent, {
      accountId: account.id,
      contactId: contact.id,
      assignmentGroupId: group.id,
    });
    for (const text of ["first", "second", "third"])
      await postCaseJournal(agent, c.number, { workNotes: text });
    const view = await getCaseView(agent, c.number);
    const bodies = view.journal.entries.map((e) => e.body);
    expect(bodies.slice(0, 3)).toEqual(["third", "second", "first"]);
    const times = view.journal.entries.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const contactIds = view.options.contacts!.map((o) => o.value);
    expect(contactIds).toContain(contact.id);
    expect(contactIds).not.toContain(gone.id);
    expect(contactIds).not.toContain(elsewhere.id);
    expect(view.options.members?.map((o) => o.value).sort()).toEqual([agent.id, other.id].sort());
    expect(view.options.group).toEqual({ id: group.id, label: group.name });
  });

  it("ROLE-1: without an incident role the case page carries no incident", async () => {
    const agent = await makeAgent();
    const plain = await makeUser([ROLE.agent]);
    const c = await makeCase(agent);
    const view = await getCaseView(plain, c.number);
    expect(view.permissions.seesIncidents).toBe(false);
    expect(view.record.incident).toBeNull();
  });

  it("REL-3: an internal user without any workspace role reads no case and searches nothing", async () => {
    const nobody = await makeUser([]);
    const c = await makeCase(await makeAgent());
    await expect(getCaseView(nobody, c.number)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listCases(nobody, {})).rejects.toMatchObject({ kind: "forbidden" });
    await expect(lookup(nobody, "contacts", new URLSearchParams())).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect(
      (await lookup(await makeAgent(), "users", new URLSearchParams("limit=1.5"))).length,
    ).toBeLessThanOrEqual(1);
  });

  it("ROLE-3: an external user cannot read a case through the workspace view", async () => {
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const c = await makeCase(agent);
    await expect(getCaseView(contact, c.number)).rejects.toMatchObject({ kind: "forbidden" });
  });
});
