import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  caseWithCustomer,
  comments,
  DOMAIN,
  failInserts,
  failJournalInserts,
  rawMail,
} from "@/lib/testing/inbound";
import { makeAdmin, makeCustomer, unique } from "@/lib/testing/fixtures";
import { listInbox } from "./admin";
import { receive } from "./receive";

const inbox = (key: string) => db().inboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });

describe("email in: a message whose processing fails (REL-6)", () => {
  it("REL-6: a processing error leaves a failed row on the inbox; the next delivery processes the message again", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const marker = unique("boom");
    const id = `<${unique("x")}@customer.example>`;
    const mail = rawMail({ from: contact.email, to: address, body: `Still broken ${marker}`, messageId: id });
    const restore = await failJournalInserts(marker);
    try {
      await expect(receive(mail, "smtp")).rejects.toThrow();
      expect(await inbox(`mid:${id}`)).toMatchObject({ status: "failed", deliveries: 1, caseId: null });
      expect((await inbox(`mid:${id}`)).reason).toMatch(/^(Database error P\d{4}|\w*Error)\b/);
      // The sender's retry fails the same way: counted, still failed, still nothing on the case.
      await expect(receive(mail, "smtp")).rejects.toThrow();
      expect(await inbox(`mid:${id}`)).toMatchObject({ status: "failed", deliveries: 2 });
      expect(await comments(c.id)).toHaveLength(0);
      const admin = await makeAdmin();
      const listed = await listInbox(admin, { status: "failed" });
      expect(listed.rows.map((r) => r.dedupeKey)).toContain(`mid:${id}`);
      expect(listed.counts.failed).toBeGreaterThanOrEqual(1);
    } finally {
      await restore();
    }
    // Fixed: the next delivery owns the message again and writes the comment once.
    const out = await receive(mail, "smtp");
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    expect(await inbox(`mid:${id}`)).toMatchObject({ status: "accepted", deliveries: 3, reason: null });
    expect((await comments(c.id)).map((e) => e.body)).toEqual([`Still broken ${marker}`]);
    expect(await receive(mail, "smtp")).toMatchObject({ status: "duplicate", deliveries: 4 });
  });

  it("REL-6: concurrent deliveries of a failed message write its comment once", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const marker = unique("boom");
    const id = `<${unique("y")}@customer.example>`;
    const mail = rawMail({ from: contact.email, to: address, body: `Again ${marker}`, messageId: id });
    const restore = await failJournalInserts(marker);
    await expect(receive(mail, "api")).rejects.toThrow().finally(restore);
    const outs = await Promise.all(Array.from({ length: 6 }, () => receive(mail, "api")));
    expect(outs.filter((o) => o.status === "accepted")).toHaveLength(1);
    expect(outs.filter((o) => o.status === "duplicate")).toHaveLength(5);
    expect(await comments(c.id)).toHaveLength(1);
    expect(await inbox(`mid:${id}`)).toMatchObject({ status: "accepted", deliveries: 7 });
  });

  it("REL-6 / NOT-3: a follow-up of a new message that failed fails too, then lands on the case the message's retry opens", async () => {
    const { contact } = await makeCustomer();
    const marker = unique("boom");
    const first = `<${unique("first")}@customer.example>`;
    const support = `support@${DOMAIN}`;
    const message = rawMail({
      from: contact.email,
      to: support,
      subject: "VPN",
      body: `Down ${marker}`,
      messageId: first,
    });
    const followUp = rawMail({
      from: contact.email,
      to: support,
      subject: "Re: VPN",
      body: "Paris office.",
      inReplyTo: first,
    });
    const restore = await failInserts("Case", "description", marker);
    try {
      await expect(receive(message, "smtp")).rejects.toThrow();
      await expect(receive(followUp, "smtp")).rejects.toThrow(/follows a message whose processing failed/);
    } finally {
      await restore();
    }
    const followRow = await db().inboundMessage.findFirstOrThrow({
      where: { fromAddress: contact.email, subject: "Re: VPN" },
    });
    expect(followRow).toMatchObject({ status: "failed" });
    expect(followRow.reason).toMatch(/^Follows a failed message/);
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(0);
    const opened = await receive(message, "smtp");
    expect(opened).toMatchObject({ status: "opened" });
    expect(await receive(followUp, "smtp")).toMatchObject({
      status: "accepted",
      caseId: (opened as { caseId: number }).caseId,
    });
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
  });
});
