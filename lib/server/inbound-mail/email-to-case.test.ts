import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { PROPERTY, propertyDef } from "@/lib/domain/properties/catalog";
import { propertyRow } from "@/lib/server/properties/materialise";
import { CaseState } from "@/lib/domain/records/choices";
import { DOMAIN, rawMail } from "@/lib/testing/inbound";
import { makeAccount, makeCustomer, makeUser, unique } from "@/lib/testing/fixtures";
import { getPortalCase } from "@/lib/server/portal/cases";
import { receive } from "./receive";

const SUPPORT = `support@${DOMAIN}`;
const inbox = (key: string) => db().inboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
const acknowledgements = (caseId: number) =>
  db().outboxMessage.findMany({ where: { event: "case.opened", sourceId: caseId } });

describe("email to case (NOT-3)", () => {
  it("NOT-3: a contact's new email to support opens a case on their account, acknowledged (case.opened queued)", async () => {
    const { account, contact } = await makeCustomer();
    const id = `<${unique("new")}@customer.example>`;
    const raw = rawMail({
      from: contact.email.toUpperCase(),
      to: `Support <${SUPPORT.toUpperCase()}>`,
      subject: "  Printer   on fire  ",
      body: "The printer in room 4 is on fire.\r\n\r\n-- \r\nJane, Acme\r\n",
      messageId: id,
    });
    const out = await receive(raw, "smtp");
    expect(out).toMatchObject({ status: "opened" });
    const caseId = out.status === "opened" ? out.caseId : 0;
    const c = await db().case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({
      channel: "email",
      shortDescription: "Printer on fire",
      description: "The printer in room 4 is on fire.",
      contactId: contact.id,
      consumerId: null,
      accountId: account.id,
      state: CaseState.New,
      openedById: contact.id,
    });
    const [ack] = await acknowledgements(c.id);
    expect(ack).toMatchObject({ recipient: contact.email });
    expect(await inbox(`mid:${id}`)).toMatchObject({ status: "opened", caseId: c.id });
    const audit = await db().auditEntry.count({
      where: { table: "sn_customerservice_case", recordId: c.id },
    });
    expect(audit).toBeGreaterThan(0);
    // REL-6: the same Message-ID delivered again opens nothing more.
    expect(await receive(raw, "api")).toMatchObject({ status: "duplicate", deliveries: 2 });
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
    expect(await acknowledgements(c.id)).toHaveLength(1);
  });

  it("NOT-3: a consumer's new email opens their case without account; no subject reads (no subject)", async () => {
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const raw = rawMail({ from: consumer.email, to: SUPPORT, subject: " ", body: "My order never came." });
    const out = await receive(raw, "api");
    expect(out).toMatchObject({ status: "opened" });
    const c = await db().case.findUniqueOrThrow({ where: { id: out.status === "opened" ? out.caseId : 0 } });
    expect(c).toMatchObject({
      consumerId: consumer.id,
      contactId: null,
      accountId: null,
      shortDescription: "(no subject)",
      description: "My order never came.",
    });
    expect(await acknowledgements(c.id)).toHaveLength(1);
  });

  it("NOT-3 / ROLE-3: a partner's email opens a case they see in the portal: they are its partner contact, as from the portal", async () => {
    const partnerAccount = await makeAccount({ partner: true });
    const partner = await makeUser([ROLE.partner, ROLE.external], {
      kind: "contact",
      accountId: partnerAccount.id,
    });
    const out = await receive(
      rawMail({ from: partner.email, to: SUPPORT, subject: "Router", body: "Down." }),
      "api",
    );
    expect(out).toMatchObject({ status: "opened" });
    const c = await db().case.findUniqueOrThrow({ where: { id: out.status === "opened" ? out.caseId : 0 } });
    expect(c).toMatchObject({
      accountId: partnerAccount.id,
      contactId: partner.id,
      partnerId: partnerAccount.id,
      partnerContactId: partner.id,
    });
    expect((await getPortalCase(partner, c.number)).number).toBe(c.number);
    // A customer's case names no partner.
    const { contact } = await makeCustomer();
    const mine = await receive(
      rawMail({ from: contact.email, to: SUPPORT, subject: "Mine", body: "Hi." }),
      "api",
    );
    const own = await db().case.findUniqueOrThrow({
      where: { id: mine.status === "opened" ? mine.caseId : 0 },
    });
    expect(own).toMatchObject({ partnerId: null, partnerContactId: null });
  });

  it("NOT-3: a Bcc to support — named only by the SMTP envelope, or by two X-Original-To lines — opens a case", async () => {
    const { contact } = await makeCustomer();
    const bcc = rawMail({
      from: contact.email,
      to: "colleague@customer.example",
      subject: "Bcc",
      body: "Hi.",
    });
    expect(await receive(bcc, "smtp")).toMatchObject({ status: "refused", reason: "no_case" });
    const viaEnvelope = rawMail({
      from: contact.email,
      to: "colleague@customer.example",
      subject: "Env",
      body: "Hi.",
    });
    expect(await receive(viaEnvelope, "smtp", { envelopeTo: [SUPPORT] })).toMatchObject({ status: "opened" });
    const twoLines = rawMail({
      from: contact.email,
      to: "colleague@customer.example",
      subject: "Two lines",
      body: "Hi.",
      extra: `X-Original-To: sales@${DOMAIN}\r\nX-Original-To: ${SUPPORT}`,
    });
    expect(await receive(twoLines, "smtp")).toMatchObject({ status: "opened" });
  });

  it("NOT-3: the same new message delivered 10 times at once opens one case", async () => {
    const { contact } = await makeCustomer();
    const raw = rawMail({ from: contact.email, to: SUPPORT, subject: "Concurrent" });
    const outs = await Promise.all(Array.from({ length: 10 }, () => receive(raw, "smtp")));
    expect(outs.filter((o) => o.status === "opened")).toHaveLength(1);
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("NOT-3, REL-6: an automatic reply and a mail loop to support are refused and open nothing", async () => {
    const { contact } = await makeCustomer();
    const auto = rawMail({ from: contact.email, to: SUPPORT, extra: "Auto-Submitted: auto-replied" });
    expect(await receive(auto, "api")).toMatchObject({ status: "refused", reason: "automatic" });
    const bulk = rawMail({ from: contact.email, to: SUPPORT, extra: "Precedence: bulk" });
    expect(await receive(bulk, "api")).toMatchObject({ status: "refused", reason: "automatic" });
    const looped = rawMail({ from: contact.email, to: SUPPORT, extra: `X-Loop: ${SUPPORT}` });
    expect(await receive(looped, "api")).toMatchObject({ status: "refused", reason: "loop" });
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(0);
    for (const from of [SUPPORT, "no-reply@caseflow.local", `reply+abc@${DOMAIN}`]) {
      expect(await receive(rawMail({ from, to: SUPPORT }), "api")).toMatchObject({
        status: "refused",
        reason: "loop",
      });
    }
  });

  it("NOT-3: mail to another address of the domain that is not a reply is refused as before; the property moves support", async () => {
    const { contact } = await makeCustomer();
    const other = rawMail({ from: contact.email, to: `sales@${DOMAIN}` });
    expect(await receive(other, "api")).toMatchObject({ status: "refused", reason: "no_case" });
    const address = `${unique("help")}@${DOMAIN}`;
    const def = propertyDef(PROPERTY.inboundSupportAddress)!;
    // Upserted: an earlier file of this worker may have saved the property already (its default).
    await db().systemProperty.upsert({
      where: { name: PROPERTY.inboundSupportAddress },
      update: { value: address },
      create: { ...propertyRow(def, address) },
    });
    try {
      const toOld = rawMail({ from: contact.email, to: SUPPORT });
      expect(await receive(toOld, "api")).toMatchObject({ status: "refused", reason: "no_case" });
      expect(await receive(rawMail({ from: contact.email, to: address }), "api")).toMatchObject({
        status: "opened",
      });
    } finally {
      await db().systemProperty.delete({ where: { name: PROPERTY.inboundSupportAddress } });
    }
  });

  it("NOT-3 / PRO-5: the acknowledgement threads with the customer's email; a follow-up to that email lands on its case; a colleague's reply-all to it is a new message", async () => {
    const { account, contact } = await makeCustomer();
    const colleague = await makeUser([ROLE.customer, ROLE.external], {
      kind: "contact",
      accountId: account.id,
    });
    const first = `<${unique("open")}@customer.example>`;
    const out = await receive(
      rawMail({
        from: contact.email,
        to: SUPPORT,
        subject: "VPN down",
        body: "Since 9am.",
        messageId: first,
      }),
      "api",
    );
    expect(out).toMatchObject({ status: "opened" });
    const caseId = out.status === "opened" ? out.caseId : 0;
    // The acknowledgement answers their email: their mail client threads the two.
    expect((await acknowledgements(caseId)).map((m) => m.inReplyTo)).toEqual([first]);
    // "Forgot the log": a reply to their own sent mail, before our acknowledgement arrived.
    const again = await receive(
      rawMail({
        from: contact.email,
        to: SUPPORT,
        subject: "Re: VPN down",
        body: "Log attached.",
        inReplyTo: first,
      }),
      "api",
    );
    expect(again).toMatchObject({ status: "accepted", caseId });
    expect(await db().case.count({ where: { accountId: account.id } })).toBe(1);
    // A colleague copied on the first mail answers all: not the case's customer, so a case of their own.
    const other = await receive(
      rawMail({
        from: colleague.email,
        to: SUPPORT,
        subject: "Re: VPN down",
        body: "Here too.",
        inReplyTo: first,
      }),
      "api",
    );
    expect(other).toMatchObject({ status: "opened" });
    expect(
      await db().case.findUniqueOrThrow({ where: { id: other.status === "opened" ? other.caseId : 0 } }),
    ).toMatchObject({
      contactId: colleague.id,
    });
  });

  it("NOT-3: a follow-up to the customer's own email whose case has been closed since opens a new case, not a refusal", async () => {
    const { account, contact } = await makeCustomer();
    const first = `<${unique("old")}@customer.example>`;
    const out = await receive(
      rawMail({ from: contact.email, to: SUPPORT, subject: "Printer", body: "Jammed.", messageId: first }),
      "api",
    );
    const caseId = out.status === "opened" ? out.caseId : 0;
    await db().case.update({ where: { id: caseId }, data: { state: CaseState.Closed } });
    const later = await receive(
      rawMail({
        from: contact.email,
        to: SUPPORT,
        subject: "Re: Printer",
        body: "Jammed again.",
        inReplyTo: first,
      }),
      "api",
    );
    expect(later).toMatchObject({ status: "opened" });
    expect(later.status === "opened" && later.caseId).not.toBe(caseId);
    expect(await db().case.count({ where: { accountId: account.id } })).toBe(2);
  });
});
