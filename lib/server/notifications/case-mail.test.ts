import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { caseMailDefinition } from "@/lib/domain/notifications/case-mail";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAdmin, makeAgent, makeCase, makeCustomer, resolveCase } from "@/lib/testing/fixtures";
import { runCaseAction } from "../cases/write";
import { closeDueCases } from "../jobs/auto-close";
import { acceptSolution } from "../portal/answers";
import { saveCaseMailTemplate } from "./case-mail-admin";

const mails = (caseId: number) =>
  db().outboxMessage.findMany({
    where: { sourceTable: "sn_customerservice_case", sourceId: caseId },
    orderBy: { id: "asc" },
  });
const events = async (caseId: number) => (await mails(caseId)).map((m) => m.event);

async function customerCase() {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
  return { agent, contact, c };
}

describe("case emails to customers (NOT-1)", () => {
  it("NOT-1: opening a case acknowledges it to the customer, with its number, from the case's reply address", async () => {
    const { contact, c } = await customerCase();
    const [m] = await mails(c.id);
    expect(m).toMatchObject({ event: "case.opened", recipient: contact.email, status: "pending" });
    expect(m.subject).toContain(c.number);
    expect(m.body).toContain(`/portal/cases/${c.number}`);
    expect(m.replyTo).toMatch(/^reply\+[\w-]{32}@/);
    expect(m.htmlBody).toContain(c.number);
  });

  it("NOT-1: a case without a customer sends nothing", async () => {
    const c = await makeCase(await makeAgent());
    expect(await mails(c.id)).toEqual([]);
  });

  it("NOT-1: Request Info needs its question; it is an additional comment and the email's text — one email", async () => {
    const { agent, c } = await customerCase();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await expect(
      runCaseAction(agent, c.number, { action: "request_info", version: 2 }),
    ).rejects.toMatchObject({
      field: "question",
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Open);
    await runCaseAction(agent, c.number, { action: "request_info", version: 2, question: "Which model?" });
    expect(await events(c.id)).toEqual(["case.opened", "case.request_info"]);
    const asked = (await mails(c.id))[1];
    expect(asked.body).toContain("Which model?");
    const notes = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id },
    });
    expect(notes.map((n) => [n.kind, n.body])).toContainEqual(["comments", "Which model?"]);
  });

  it("NOT-1: Propose Solution sends the resolution notes and the portal link; Accept then sends Closed", async () => {
    const { agent, contact, c } = await customerCase();
    await resolveCase(agent, c.number);
    const proposed = (await mails(c.id)).find((m) => m.event === "case.propose_solution")!;
    expect(proposed.body).toContain("Fixed");
    expect(proposed.body).toContain(`/portal/cases/${c.number}`);
    expect(proposed.body).toContain("You can reply to this email");
    await acceptSolution(contact, c.number, { version: 3 });
    expect(await events(c.id)).toEqual(["case.opened", "case.propose_solution", "case.closed"]);
    // PRO-5: a reply to a Closed case would be refused, so its email invites none.
    const closed = (await mails(c.id)).find((m) => m.event === "case.closed")!;
    expect(closed.body).not.toContain("You can reply to this email");
    expect(closed.body).toContain(`is finished: a reply to this email is not added to it.`);
    expect(closed.body).toContain("/portal/cases/new");
  });

  it("NOT-1: Cancel tells the customer; an event switched off sends nothing", async () => {
    const admin = await makeAdmin();
    const { agent, c } = await customerCase();
    await saveCaseMailTemplate(admin, {
      event: "cancelled",
      enabled: "false",
      subject: "Case {{case.number}} cancelled",
      body: "Cancelled.",
    });
    try {
      await runCaseAction(agent, c.number, { action: "cancel", version: 1 });
      expect(await events(c.id)).toEqual(["case.opened"]);
    } finally {
      await db().caseMailTemplate.deleteMany({ where: { event: "cancelled" } });
    }
    const other = await customerCase();
    await runCaseAction(other.agent, other.c.number, { action: "cancel", version: 1 });
    expect(await events(other.c.id)).toEqual(["case.opened", "case.cancelled"]);
  });

  it("NOT-1 / POR-1: auto-close emails each closed case's customer once", async () => {
    const { agent, c } = await customerCase();
    await resolveCase(agent, c.number);
    await db().case.update({
      where: { id: c.id },
      data: { resolvedAt: new Date(Date.now() - 30 * 86_400_000) },
    });
    await closeDueCases();
    await closeDueCases();
    expect((await events(c.id)).filter((e) => e === "case.closed")).toHaveLength(1);
  });

  it("NOT-1: the admin's text is used; an unknown placeholder is refused by name and nothing saved", async () => {
    const admin = await makeAdmin();
    await expect(
      saveCaseMailTemplate(admin, {
        event: "opened",
        enabled: "true",
        subject: "Hi {{case.nmber}}",
        body: "x",
      }),
    ).rejects.toThrow("Unknown placeholder {{case.nmber}}.");
    expect(await db().caseMailTemplate.findUnique({ where: { event: "opened" } })).toBeNull();
    await expect(
      saveCaseMailTemplate(await makeAgent(), { event: "opened", enabled: "true", subject: "x", body: "y" }),
    ).rejects.toThrow(/administrators/);
    await saveCaseMailTemplate(admin, {
      event: "opened",
      enabled: "true",
      subject: "Ticket {{case.number}} <ok>",
      body: "Dear {{customer.name}}, see {{portal_link}}",
    });
    try {
      const { contact, c } = await customerCase();
      const [m] = await mails(c.id);
      expect(m.subject).toBe(`Ticket ${c.number} <ok>`);
      expect(m.body).toContain(`Dear ${contact.name}, see `);
      expect(m.htmlBody).toContain(`Dear ${contact.name}`);
      // A second save with the old version is stale (REC-6).
      await expect(
        saveCaseMailTemplate(admin, {
          event: "opened",
          enabled: "true",
          subject: "x",
          body: "y",
          version: 0,
        }),
      ).rejects.toThrow();
    } finally {
      await db().caseMailTemplate.deleteMany({ where: { event: "opened" } });
    }
  });

  it("NOT-1 / REC-5: a body posted with a browser's CRLF line breaks is the text it shows — the untouched default is no change", async () => {
    const admin = await makeAdmin();
    const { subject, body } = caseMailDefinition("cancelled");
    expect(body).toContain("\n");
    const crlf = {
      event: "cancelled" as const,
      enabled: "true" as const,
      subject,
      body: body.replace(/\n/g, "\r\n"),
    };
    expect(await saveCaseMailTemplate(admin, crlf)).toMatchObject({ changed: false });
    expect(await db().caseMailTemplate.findUnique({ where: { event: "cancelled" } })).toBeNull();
    try {
      const edited = { ...crlf, body: `${crlf.body}\r\n\r\nThe team` };
      expect(await saveCaseMailTemplate(admin, edited)).toMatchObject({ changed: true });
      const saved = await db().caseMailTemplate.findUniqueOrThrow({ where: { event: "cancelled" } });
      expect(saved.body).toBe(`${body}\n\nThe team`);
    } finally {
      await db().caseMailTemplate.deleteMany({ where: { event: "cancelled" } });
    }
  });
});
