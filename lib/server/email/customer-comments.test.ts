import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replyTokenOf } from "@/lib/domain/email/reply-address";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeCustomer, makeManager } from "@/lib/testing/fixtures";
import { postCaseJournal } from "../cases/journal";
import { addChildCase } from "../major/children";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { inboundEmailDomain } from "./config";

const mailsOf = (caseId: number) =>
  db().outboxMessage.findMany({
    where: { sourceTable: TABLE.case, sourceId: caseId, event: "case.comment" },
  });

async function customerCase(agent: Awaited<ReturnType<typeof makeAgent>>) {
  const { account, contact } = await makeCustomer();
  return { contact, c: await makeCase(agent, { accountId: account.id, contactId: contact.id }) };
}

describe("customer email of additional comments (PRO-5, REL-4)", () => {
  it("PRO-5: an additional comment emails the contact with reply address, Message-ID and an escaped HTML part", async () => {
    const agent = await makeAgent();
    const { contact, c } = await customerCase(agent);
    await postCaseJournal(agent, c.number, { comments: "We <b>fixed</b> it", workNotes: "internal only" });
    const [mail, ...more] = await mailsOf(c.id);
    expect(more).toEqual([]);
    const token = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).replyToken!;
    expect(mail).toMatchObject({
      recipient: contact.email,
      subject: `Case ${c.number}: ${c.shortDescription}`,
      status: "pending",
      replyTo: `reply+${token}@${inboundEmailDomain()}`,
    });
    expect(replyTokenOf(mail.replyTo!, inboundEmailDomain())).toBe(token);
    expect(mail.messageId).toMatch(new RegExp(`^<[0-9a-f]{32}@${inboundEmailDomain()}>$`));
    expect(mail.body).toContain("We <b>fixed</b> it");
    expect(mail.body).not.toContain("internal only");
    expect(mail.htmlBody).toContain("We &#60;b&#62;fixed&#60;/b&#62; it");
    // The token stays: a second comment uses the same reply address and a new Message-ID.
    await postCaseJournal(agent, c.number, { comments: "Second" });
    const both = await mailsOf(c.id);
    expect(both).toHaveLength(2);
    expect(new Set(both.map((m) => m.replyTo)).size).toBe(1);
    expect(new Set(both.map((m) => m.messageId)).size).toBe(2);
  });

  it("PRO-5: a work note, or a case without a customer, sends no email", async () => {
    const agent = await makeAgent();
    const { c } = await customerCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "internal" });
    expect(await mailsOf(c.id)).toEqual([]);
    const bare = await makeCase(agent);
    await postCaseJournal(agent, bare.number, { comments: "nobody to tell" });
    expect(await mailsOf(bare.id)).toEqual([]);
    expect((await db().case.findUniqueOrThrow({ where: { id: bare.id } })).replyToken).toBeNull();
  });

  it("REL-4: a retried comment (same form key) queues its email once", async () => {
    const agent = await makeAgent();
    const { c } = await customerCase(agent);
    const post = () => postCaseJournal(agent, c.number, { comments: "once", idempotencyKey: "k-email-1" });
    await Promise.all([post(), post(), post()]);
    expect(await mailsOf(c.id)).toHaveLength(1);
  });

  it("PRO-5: a comment copied from a major case emails each child's customer once, in one batch (MAJ-5)", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    // The default case_fields_to_sync lists comments (lib/domain/properties/catalog.ts).
    const first = await customerCase(agent);
    await proposeMajorCase(agent, first.c.number, { workNotes: "down", businessImpact: "all" });
    const { major } = await acceptMajorCase(manager, first.c.number);
    const kids = [await customerCase(agent), await customerCase(agent), { c: await makeCase(agent) }];
    for (const k of kids) await addChildCase(manager, major, k.c.number);
    const post = { comments: "Service restored", confirmChildren: true, idempotencyKey: "major-k1" };
    await postCaseJournal(manager, major, post);
    await postCaseJournal(manager, major, post);
    for (const k of kids.slice(0, 2)) {
      const mails = await mailsOf(k.c.id);
      expect(mails, k.c.number).toHaveLength(1);
      expect(mails[0].body).toContain("Service restored");
      expect(mails[0].replyTo).toMatch(/^reply\+[0-9a-f]{32}@/);
    }
    expect(await mailsOf(kids[2].c.id)).toEqual([]);
  });
});
