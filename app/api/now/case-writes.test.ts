// API-2 / MAJ-5 / NOT-1: the Table API writes cases through the UI's rules: a major case's confirmation, and
// Request Info (state 18 with its question as comments).
// A change that reaches the open children is a 409 naming them (the UI's dialog); the same request
// with sysparm_confirm_children=true goes ahead — before, no request could ever give it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { TABLE } from "@/lib/domain/records/tables";
import { api, errorMessage } from "@/lib/testing/api";
import { makeAgent, makeCase, makeCustomer, makeManager } from "@/lib/testing/fixtures";
import { runCaseAction } from "@/lib/server/cases/write";
import { CaseState } from "@/lib/domain/records/choices";
import { addChildCase } from "@/lib/server/major/children";
import { acceptMajorCase, proposeMajorCase } from "@/lib/server/major/propose";

async function majorWithTwoChildren() {
  const agent = await makeAgent();
  const manager = await makeManager();
  const candidate = await makeCase(agent);
  await proposeMajorCase(agent, candidate.number, { workNotes: "Stores down", businessImpact: "40 stores" });
  const { major } = await acceptMajorCase(manager, candidate.number);
  const other = await makeCase(agent);
  await addChildCase(manager, major, other.number);
  const row = await db().case.findUniqueOrThrow({ where: { number: major } });
  return { manager, major: row, children: [candidate.id, other.id] };
}

const comments = (recordId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId, kind: "comments" },
    select: { body: true },
  });

describe("a major case written through the Table API (API-2, MAJ-5)", () => {
  it("MAJ-5: a comment that reaches the children is a 409 until sysparm_confirm_children=true; then one copy each", async () => {
    const { manager, major, children } = await majorWithTwoChildren();
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", major.id)}`;
    const body = { comments: "Provider is restoring the links" };
    const refused = await api("PATCH", path, { as: manager, body });
    expect(refused.status).toBe(409);
    expect(errorMessage(refused)).toMatch(/child case.*sysparm_confirm_children=true/s);
    expect(await comments(major.id)).toEqual([]);

    const bad = await api("PATCH", `${path}?sysparm_confirm_children=yes`, { as: manager, body });
    expect(bad.status).toBe(400);

    const done = await api("PATCH", `${path}?sysparm_confirm_children=true`, { as: manager, body });
    expect(done.status).toBe(200);
    expect(await comments(major.id)).toEqual([{ body: body.comments }]);
    for (const id of children) expect((await comments(id)).map((c) => c.body)).toEqual([body.comments]);
  });

  it("MAJ-5: a field change of the major case reaches the children only when confirmed", async () => {
    const { manager, major, children } = await majorWithTwoChildren();
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", major.id)}`;
    const refused = await api("PATCH", path, { as: manager, body: { priority: "1" } });
    expect(refused.status).toBe(409);
    expect((await db().case.findUniqueOrThrow({ where: { id: major.id } })).priority).toBe(major.priority);
    const done = await api("PATCH", `${path}?sysparm_confirm_children=true`, {
      as: manager,
      body: { priority: "1" },
    });
    expect(done.status).toBe(200);
    const rows = await db().case.findMany({ where: { id: { in: [major.id, ...children] } } });
    expect(rows.map((r) => r.priority)).toEqual([1, 1, 1]);
  });
});

describe("Request Info through the Table API (API-2, NOT-1)", () => {
  it("REL-1 / NOT-1: Request Info on a case nobody would hear it from names comments, the field the client sent", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: c.version });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const refused = await api("PATCH", path, { as: agent, body: { state: "18", comments: "Which serial?" } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: { detail: expect.stringMatching(/^comments: /) } });
  });

  it("NOT-1: PATCH state 18 with comments is Request Info: Awaiting Info, the question once, one email to the contact", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await runCaseAction(agent, c.number, { action: "accept", version: c.version });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const before = await db().outboxMessage.count({ where: { recipient: contact.email } }); // the acknowledgement

    const without = await api("PATCH", path, { as: agent, body: { state: "18", priority: "2" } });
    expect(without.status).toBe(400);
    expect(errorMessage(without)).toMatch(/send the question as comments with state 18/);

    const asked = await api("PATCH", path, {
      as: agent,
      body: {
        state: "18",
        comments: "Which serial number?",
        work_notes: "Asked for the serial",
        priority: "2",
      },
    });
    expect(asked.status).toBe(200);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.state, row.priority]).toEqual([CaseState.AwaitingInfo, 2]);
    const entries = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: c.id },
      select: { kind: true, body: true },
      orderBy: { id: "asc" },
    });
    expect(entries).toEqual([
      { kind: "work_notes", body: "Asked for the serial" },
      { kind: "comments", body: "Which serial number?" },
    ]);
    const mails = await db().outboxMessage.findMany({
      where: { recipient: contact.email },
      orderBy: { id: "asc" },
    });
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.body).toContain("Which serial number?");
  });
});
