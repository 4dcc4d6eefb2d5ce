import { afterEach, describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { setPlugin } from "@/lib/testing/work-orders";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeCase, makeCustomer, makeItil, unique } from "@/lib/testing/fixtures";
import { caseWithCustomer, rawMail } from "@/lib/testing/inbound";
import { receive } from "../inbound-mail/receive";
import { addCustomerReply, lockCaseForReply } from "./customer-reply";
import { associateIncident, createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { createIncident } from "../incidents/write";
import { replyOnPortal } from "../portal/answers";
import { updateProperty } from "../properties/admin";
import { setRuleActive } from "../sync/admin";

const RULE = "Update case worknote for comments change";

async function setCommentsSync(on: boolean) {
  const admin = await makeAdmin();
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.commentsSync } });
  await updateProperty(admin, { name: PROPERTY.commentsSync, value: String(on), version: row?.version ?? 0 });
  return admin;
}

/** A customer's case and a second case, both linked to one incident. */
async function incidentWithTwoCases() {
  const first = await caseWithCustomer();
  const { incidentNumber } = await createIncidentFromCase(first.agent, first.c.number);
  const other = await makeCase(first.agent);
  await associateIncident(first.agent, other.number, incidentNumber);
  const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
  return { ...first, other, incident };
}

const entries = (table: string, recordId: number, kind: string) =>
  db().journalEntry.findMany({ where: { table, recordId, kind }, orderBy: { id: "asc" } });

describe("customer replies reach the incident (PRO-4)", () => {
  afterEach(() => setCommentsSync(false));

  it.runIf(dialect() === "postgresql")(
    "PRO-4: the switch turned on during a reply's transaction does not copy it (read once: it would hold no locks)",
    async () => {
      const { c, contact, incident } = await incidentWithTwoCases();
      await setCommentsSync(false);
      await transaction(async (tx) => {
        const caseRow = await lockCaseForReply(tx, c.number); // reads the switch: off
        await setCommentsSync(true); // an admin, committed meanwhile
        const customer = { id: contact.id, name: contact.name, email: contact.email };
        await addCustomerReply(tx, {
          caseRow: caseRow!,
          customer,
          body: "Mid-switch reply",
          idempotencyKey: unique("mid"),
        });
      });
      expect((await entries(TABLE.case, c.id, "comments")).map((e) => e.body)).toContain("Mid-switch reply");
      expect(await entries(TABLE.incident, incident.id, "comments")).toEqual([]);
    },
  );

  it("PRO-4 / ITSM-5: with the incident integration's plugin inactive, a reply stays on its case", async () => {
    const { c, contact, address, incident } = await incidentWithTwoCases();
    await setCommentsSync(true);
    await setPlugin(PLUGIN.serviceManagement, false);
    try {
      await receive(rawMail({ from: contact.email, to: address, body: "Plugin off reply." }), "api");
    } finally {
      await setPlugin(PLUGIN.serviceManagement, true);
    }
    expect((await entries(TABLE.case, c.id, "comments")).map((e) => e.body)).toContain("Plugin off reply.");
    expect(await entries(TABLE.incident, incident.id, "comments")).toEqual([]);
  });

  it("PRO-4: with the property on, an email reply is an incident comment by the customer and a work note on the incident's cases", async () => {
    const { c, contact, address, other, incident } = await incidentWithTwoCases();
    await setCommentsSync(true);
    await receive(rawMail({ from: contact.email, to: address, body: "Still down here." }), "api");
    const [onIncident] = await entries(TABLE.incident, incident.id, "comments");
    expect(onIncident).toMatchObject({
      body: "Still down here.",
      authorId: contact.id,
      authorName: contact.name,
      // JRN-2: the copy names the case it came from.
      sourceTable: TABLE.case,
      sourceNumber: c.number,
      ruleName: "Customer reply copied to the incident",
    });
    for (const caseId of [c.id, other.id]) {
      const notes = (await entries(TABLE.case, caseId, "work_notes")).filter((n) => n.ruleName === RULE);
      expect(notes.map((n) => n.body)).toEqual([
        `Incident ${incident.number} — additional comment from ${contact.name}:\nStill down here.`,
      ]);
    }
  });

  it("PRO-4: the incident's external caller — another account's customer — is never emailed the copied reply", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const { contact: otherCustomer } = await makeCustomer();
    const itil = await makeItil();
    const { number } = await createIncident(itil, { shortDescription: "Outage", callerId: otherCustomer.id });
    const incident = await db().incident.findUniqueOrThrow({ where: { number } });
    // Linked without attachIncident (as a field map may do): the caller's mail is not suppressed.
    await db().case.update({ where: { id: c.id }, data: { incidentId: incident.id } });
    expect(incident.callerNotificationsSuppressed).toBe(false);
    await setCommentsSync(true);
    await receive(rawMail({ from: contact.email, to: address, body: "Private detail." }), "api");
    expect(await entries(TABLE.incident, incident.id, "comments")).toHaveLength(1);
    const mail = await db().outboxMessage.findMany({ where: { recipient: otherCustomer.email } });
    expect(mail.filter((m) => m.body.includes("Private detail."))).toEqual([]);
  });

  it("PRO-4: with the property off, the reply stays on its case", async () => {
    const { c, contact, address, other, incident } = await incidentWithTwoCases();
    await receive(rawMail({ from: contact.email, to: address, body: "Only here." }), "api");
    expect(await entries(TABLE.case, c.id, "comments")).toHaveLength(1);
    expect(await entries(TABLE.incident, incident.id, "comments")).toEqual([]);
    const notes = await entries(TABLE.case, other.id, "work_notes");
    expect(notes.filter((n) => n.body.includes("Only here."))).toEqual([]);
  });

  it("PRO-4: with the comment rule inactive, the reply reaches the incident but no case work notes", async () => {
    const { contact, address, other, incident } = await incidentWithTwoCases();
    const admin = await setCommentsSync(true);
    await setRuleActive(admin, { table: "incident", name: RULE, active: false });
    try {
      await receive(rawMail({ from: contact.email, to: address, body: "Rule off." }), "api");
      expect(await entries(TABLE.incident, incident.id, "comments")).toHaveLength(1);
      const notes = await entries(TABLE.case, other.id, "work_notes");
      expect(notes.filter((n) => n.body.includes("Rule off."))).toEqual([]);
    } finally {
      await setRuleActive(admin, { table: "incident", name: RULE, active: true });
    }
  });

  it("PRO-4 / REL-2: customers replying at once on one incident's cases (and an agent's incident comment) all get through", async () => {
    const first = await caseWithCustomer();
    const { incidentNumber } = await createIncidentFromCase(first.agent, first.c.number);
    const customers = [{ c: first.c, contact: first.contact }];
    for (let i = 0; i < 5; i++) {
      const more = await caseWithCustomer();
      await associateIncident(first.agent, more.c.number, incidentNumber);
      customers.push({ c: more.c, contact: more.contact });
    }
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await setCommentsSync(true);
    const itil = await makeItil();
    for (let round = 0; round < 4; round++) {
      // The highest case first: each reply holds its own case while its copy fans out to the rest.
      const replies = [...customers].reverse().map(({ c, contact }) =>
        replyOnPortal(contact, c.number, {
          reply: `Round ${round} from ${c.number}`,
          idempotencyKey: unique("k"),
        }),
      );
      const comment = postIncidentJournal(itil, incidentNumber, { comments: `Agent round ${round}` });
      const settled = await Promise.allSettled([...replies, comment]);
      expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    }
    expect(await entries(TABLE.incident, incident.id, "comments")).toHaveLength(4 * 7);
    const notes = await entries(TABLE.case, first.c.id, "work_notes");
    expect(notes.filter((n) => n.ruleName === RULE)).toHaveLength(4 * 7);
  }, 60_000);
});
