import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeCustomer, makeManager, makeViewer } from "@/lib/testing/fixtures";
import { createChangeFromCase, createProblemFromCase, createRequestFromCase } from "./create-related";
import { getCaseView } from "./view";
import { listAudit } from "../audit/read";
import { describeAuditRows } from "../audit/describe";

const lastNote = async (caseId: number) =>
  (
    await db().journalEntry.findFirst({
      where: { table: TABLE.case, recordId: caseId },
      orderBy: { id: "desc" },
    })
  )?.body;

async function withPlugin<T>(id: string, active: boolean, fn: () => Promise<T>) {
  await db().plugin.upsert({
    where: { id },
    create: { id, name: id, description: id, active },
    update: { active },
  });
  try {
    return await fn();
  } finally {
    await db().plugin.update({ where: { id }, data: { active: true } });
  }
}

describe("create problem, change and request from a case (ITSM-1)", () => {
  it("ITSM-1: Create Problem copies the statement, impact, urgency, priority, company and asset; first reported by is the case", async () => {
    const agent = await makeAgent();
    const { account } = await makeCustomer();
    const c = await makeCase(agent, {
      shortDescription: "Reports time out",
      accountId: account.id,
      priority: 2,
      impact: 1,
      urgency: 2,
    });
    const { number } = await createProblemFromCase(agent, c.number);
    const p = await db().problem.findUniqueOrThrow({ where: { number } });
    expect(p).toMatchObject({
      shortDescription: "Reports time out",
      impact: 1,
      urgency: 2,
      priority: 2,
      companyId: account.id,
      firstReportedById: c.id,
      state: 101,
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).problemId).toBe(p.id);
    expect(await lastNote(c.id)).toBe(`Problem ${number} created from this case.`);
    const menu = (await getCaseView(agent, c.number)).menu;
    expect(menu).not.toContain("Create Problem");
    expect(menu).toContain("Create Normal Change");
  });

  it("ITSM-1: Create Normal Change copies the case and the contact as caller; type normal, state New, requested by the agent", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, {
      shortDescription: "Need bigger disk",
      description: "details",
      accountId: account.id,
      contactId: contact.id,
      priority: 3,
    });
    const { number } = await createChangeFromCase(agent, c.number, { type: "normal" });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { number } })).toMatchObject({
      type: "normal",
      state: -5,
      shortDescription: "Need bigger disk",
      description: "details",
      priority: 3,
      companyId: account.id,
      callerId: contact.id,
      requestedById: agent.id,
    });
    const menu = (await getCaseView(agent, c.number)).menu;
    expect(menu).not.toContain("Create Normal Change");
    expect(menu).not.toContain("Create Standard Change");
  });

  it("ITSM-1: Create Standard Change takes everything from an approved template, nothing from the case", async () => {
    const agent = await makeAgent();
    const t = await db().standardChangeTemplate.create({
      data: {
        name: `Template ${Date.now()}`,
        shortDescription: "Restart the web tier",
        description: "Per runbook",
        impact: 3,
        urgency: 3,
        priority: 4,
      },
    });
    const c = await makeCase(agent, { shortDescription: "Case words", priority: 1 });
    const { number } = await createChangeFromCase(agent, c.number, { type: "standard", templateId: t.id });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { number } })).toMatchObject({
      type: "standard",
      templateId: t.id,
      shortDescription: "Restart the web tier",
      priority: 4,
      companyId: null,
      callerId: null,
    });
    // REC-5: the change's history names the template, not its id.
    const change = await db().changeRequest.findUniqueOrThrow({ where: { number } });
    const lines = await describeAuditRows(TABLE.change, await listAudit(TABLE.change, change.id));
    expect(lines.find((l) => l.field === "templateId")).toMatchObject({ label: "Template", newText: t.name });
    const unapproved = await db().standardChangeTemplate.create({
      data: { name: `Draft ${Date.now()}`, shortDescription: "x", approved: false },
    });
    const other = await makeCase(agent);
    await expect(
      createChangeFromCase(agent, other.number, { type: "standard", templateId: unapproved.id }),
    ).rejects.toMatchObject({ field: "templateId", message: expect.stringMatching(/not approved/) });
  });

  it("ITSM-1: a case may have many requests, each requested for the contact and listed on the case", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const a = await createRequestFromCase(agent, c.number);
    const b = await createRequestFromCase(agent, c.number);
    const view = await getCaseView(agent, c.number);
    expect(view.requests.map((r) => r.number)).toEqual([a.number, b.number]);
    expect(await db().request.findUniqueOrThrow({ where: { number: a.number } })).toMatchObject({
      requestedForId: contact.id,
      caseId: c.id,
      state: "requested",
    });
    expect(view.menu).toContain("Create Request");
  });

  it("ITSM-1 / REL-2: one Create Request click sent five times at once (a double click, a retry) makes one request", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const key = randomUUID();
    const sent = await Promise.all(
      Array.from({ length: 5 }, () => createRequestFromCase(agent, c.number, key)),
    );
    expect(new Set(sent.map((r) => r.number)).size).toBe(1);
    expect(sent.filter((r) => r.created)).toHaveLength(1);
    expect(await db().request.count({ where: { caseId: c.id } })).toBe(1);
    // Another click (a new key) is another request; the key on another case is refused.
    await createRequestFromCase(agent, c.number, randomUUID());
    expect(await db().request.count({ where: { caseId: c.id } })).toBe(2);
    const other = await makeCase(agent);
    await expect(createRequestFromCase(agent, other.number, key)).rejects.toMatchObject({
      field: "requestKey",
    });
    await expect(createRequestFromCase(agent, c.number, "x")).rejects.toMatchObject({ field: "requestKey" });
  });

  it("INC-2 / ITSM-1: concurrent Create Problem clicks make one problem; a second is refused with its number", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createProblemFromCase(agent, c.number)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().problem.count({ where: { firstReportedById: c.id } })).toBe(1);
    await expect(createProblemFromCase(agent, c.number)).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/^This case already has a problem \(PRB\d{7}\)\.$/),
    });
  });

  it("ITSM-1: an itil manager may create records from a case; an agent with only incident read may not", async () => {
    const c = await makeCase(await makeAgent());
    await expect(createProblemFromCase(await makeViewer(), c.number)).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect((await createRequestFromCase(await makeManager(), c.number)).number).toMatch(/^REQ/);
  });

  it("ITSM-5: with a plugin inactive its items disappear and the server refuses them", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await withPlugin(PLUGIN.requestManagement, false, async () => {
      await expect(createRequestFromCase(agent, c.number)).rejects.toMatchObject({
        kind: "forbidden",
        message: expect.stringMatching(/com\.sn_cs_sm_request/),
      });
      const view = await getCaseView(agent, c.number);
      expect(view.menu).not.toContain("Create Request");
      expect(view.plugins.requestManagement).toBe(false);
      expect((await createProblemFromCase(agent, c.number)).number).toMatch(/^PRB/);
    });
    await withPlugin(PLUGIN.serviceManagement, false, async () => {
      await expect(createChangeFromCase(agent, c.number, { type: "normal" })).rejects.toMatchObject({
        kind: "forbidden",
      });
      expect((await getCaseView(agent, c.number)).menu).toEqual([
        "Create Request",
        "Create Work Order",
        "Propose Major Case",
      ]);
    });
  });
});
