import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { outcomeLine } from "@/lib/domain/cases/bulk";
import { makeAgent, makeCase, makeItil, makeManager, resolveCase } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { bulkUpdateCases } from "./bulk";
import { runCaseAction } from "./write";

const row = (number: string) => db().case.findUniqueOrThrow({ where: { number } });
const refs = async (...numbers: string[]) =>
  (await Promise.all(numbers.map(row))).map((c) => `${c.number}:${c.version}`).join(",");
const audit = (id: number, field: string) =>
  db().auditEntry.findMany({ where: { table: TABLE.case, recordId: id, field } });

describe("bulk actions on the case list (WRK-4)", () => {
  it("WRK-4: a state move applies to the cases it is legal for; the illegal ones are reported and unchanged; one already Closed is already so", async () => {
    const agent = await makeAgent();
    const fresh = await makeCase(agent); // New → Closed: not a lifecycle move
    const resolved = await makeCase(agent);
    await resolveCase(agent, resolved.number); // Resolved → Closed: legal
    const closed = await makeCase(agent);
    await resolveCase(agent, closed.number);
    await runCaseAction(agent, closed.number, { action: "close", version: 3 });
    const cancelled = await makeCase(agent);
    await runCaseAction(agent, cancelled.number, { action: "cancel", version: 1 });
    const untouched = [fresh, closed, cancelled];
    const before = await Promise.all(untouched.map((c) => row(c.number)));
    const auditBefore = await db().auditEntry.count({
      where: { table: TABLE.case, recordId: { in: untouched.map((c) => c.id) } },
    });

    const report = await bulkUpdateCases(agent, {
      cases: await refs(fresh.number, resolved.number, closed.number, cancelled.number),
      state: String(CaseState.Closed),
    });

    expect(report).toMatchObject({ changed: 1, refused: 2, unchanged: 1 });
    expect(report.outcomes.map(outcomeLine)).toEqual([
      `${fresh.number}: refused — A case cannot move from New to Closed.`,
      `${resolved.number}: state set to Closed`,
      // The same request again (its answer lost, a colleague's tab) is no refusal to try again.
      `${closed.number}: no change — already so`,
      `${cancelled.number}: refused — This case is Cancelled and cannot be changed.`,
    ]);
    expect((await row(resolved.number)).state).toBe(CaseState.Closed);
    expect((await audit(resolved.id, "state")).at(-1)).toMatchObject({
      newValue: String(CaseState.Closed),
    });
    // The others: not one field, version or audit row changed.
    expect(await Promise.all(untouched.map((c) => row(c.number)))).toEqual(before);
    expect(
      await db().auditEntry.count({
        where: { table: TABLE.case, recordId: { in: untouched.map((c) => c.id) } },
      }),
    ).toBe(auditBefore);
  });

  it("WRK-4 / NOT-1: Awaiting Info is not a bulk move: only Request Info asks the customer its question", async () => {
    const agent = await makeAgent();
    const open = await makeCase(agent);
    await runCaseAction(agent, open.number, { action: "accept", version: 1 });
    await expect(
      bulkUpdateCases(agent, { cases: await refs(open.number), state: String(CaseState.AwaitingInfo) }),
    ).rejects.toMatchObject({ field: "state" });
    expect((await row(open.number)).state).toBe(CaseState.Open);
  });

  it("WRK-4 / REC-4: resolving in bulk asks for the resolution once; a New case cannot be resolved", async () => {
    const agent = await makeAgent();
    const open = await makeCase(agent);
    await runCaseAction(agent, open.number, { action: "accept", version: 1 });
    const fresh = await makeCase(agent);
    const cases = await refs(open.number, fresh.number);
    await expect(bulkUpdateCases(agent, { cases, state: String(CaseState.Resolved) })).rejects.toMatchObject({
      fields: {
        resolutionCode: "Resolution code is required to resolve cases.",
        resolutionNotes: "Resolution notes are required to resolve cases.",
      },
    });
    const report = await bulkUpdateCases(agent, {
      cases,
      state: String(CaseState.Resolved),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Fixed by the storage replacement",
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(["changed", "refused"]);
    expect(await row(open.number)).toMatchObject({
      state: CaseState.Resolved,
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Fixed by the storage replacement",
    });
    expect((await row(fresh.number)).state).toBe(CaseState.New);
  });

  it("WRK-4 / WRK-1: bulk assign — an assignee outside a case's group is refused for that case; the others are assigned and told", async () => {
    const agent = await makeAgent();
    const member = await makeAgent();
    const { group } = await makeGroup(member, agent);
    const { group: other } = await makeGroup(agent);
    const inGroup = await makeCase(agent, { assignmentGroupId: group.id });
    const noGroup = await makeCase(agent);
    const otherGroup = await makeCase(agent, { assignmentGroupId: other.id });
    const mailBefore = (await db().outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const report = await bulkUpdateCases(agent, {
      cases: await refs(inGroup.number, noGroup.number, otherGroup.number),
      assignedToId: String(member.id),
    });

    expect(report.outcomes.map(outcomeLine)).toEqual([
      `${inGroup.number}: assigned to ${member.name}`,
      `${noGroup.number}: assigned to ${member.name}`,
      `${otherGroup.number}: refused — Assigned to: pick an active member of ${other.name}.`,
    ]);
    expect((await row(otherGroup.number)).assignedToId).toBeNull();
    expect((await row(otherGroup.number)).version).toBe(otherGroup.version);
    expect((await audit(inGroup.id, "assignedToId")).at(-1)).toMatchObject({ newValue: String(member.id) });
    // WRK-1: the assignment email, once per assigned case.
    const mail = await db().outboxMessage.findMany({
      where: { recipient: member.email, id: { gt: mailBefore } },
    });
    expect(mail.filter((m) => m.subject.includes(inGroup.number))).toHaveLength(1);
    expect(mail.filter((m) => m.subject.includes(otherGroup.number))).toHaveLength(0);
  });

  it("WRK-4: a repeated submit changes nothing twice; a row changed since the list was loaded is refused", async () => {
    const agent = await makeAgent();
    const a = await makeCase(agent);
    const b = await makeCase(agent);
    const cases = await refs(a.number, b.number);
    const audited = (await audit(a.id, "priority")).length;
    const first = await bulkUpdateCases(agent, { cases, priority: "2" });
    expect(first).toMatchObject({ changed: 2 });
    // The same form again (a double submit): the cases already hold the values.
    const again = await bulkUpdateCases(agent, { cases, priority: "2" });
    expect(again).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await audit(a.id, "priority")).toHaveLength(audited + 1);
    // The list's versions are now stale: a different change is refused, not applied over the newer row.
    const stale = await bulkUpdateCases(agent, { cases, priority: "1" });
    expect(stale.outcomes[0]).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(/reload the list/),
    });
    expect((await row(a.number)).priority).toBe(2);
  });

  it("WRK-4 / MAJ-5: a major case whose change would reach its child cases is refused, never synced silently", async () => {
    const manager = await makeManager();
    const candidate = await makeCase(manager);
    await proposeMajorCase(manager, candidate.number, { workNotes: "down", businessImpact: "all stores" });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const plain = await makeCase(manager);
    const report = await bulkUpdateCases(manager, { cases: await refs(major, plain.number), priority: "1" });
    expect(report.outcomes[0]).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(
        /major case: this change will update 1 child case: each open one gets the new priority\. Change it on its own page/,
      ),
    });
    expect((await row(candidate.number)).priority).toBe(candidate.priority);
    expect((await row(plain.number)).priority).toBe(1);
  });

  it("WRK-4 / ROLE-2: a reader without a case-writing role is refused and nothing changes; at most 100 cases", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await expect(
      bulkUpdateCases(await makeItil(), { cases: await refs(c.number), priority: "1" }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect(await row(c.number)).toEqual(c);
    const many = Array.from({ length: 101 }, (_, i) => `CS${9000000 + i}:1`).join(",");
    await expect(bulkUpdateCases(agent, { cases: many, priority: "1" })).rejects.toMatchObject({
      fields: { cases: "Change at most 100 cases at once." },
    });
    await expect(bulkUpdateCases(agent, { cases: await refs(c.number) })).rejects.toMatchObject({
      fields: { change: expect.stringMatching(/Choose a change/) },
    });
  });
});
