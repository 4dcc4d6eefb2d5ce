import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { caseWithCustomer, comments, DOMAIN, rawMail } from "@/lib/testing/inbound";
import { makeCustomer, unique } from "@/lib/testing/fixtures";
import { runCaseAction } from "../cases/write";
import { receive } from "./receive";

const inbox = (key: string) => db().inboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });

describe("email in (PRO-5, REL-6)", () => {
  it("PRO-5: a reply to the case's reply address is an additional comment by the customer, quoted history stripped", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const id = `<${unique("r")}@customer.example>`;
    const body =
      "It works now, thanks!\r\n\r\nOn Mon, 2 Nov 2026 at 10:00, Support <s@x.example> wrote:\r\n" +
      "> Please try again.\r\n";
    const out = await receive(
      rawMail({ from: contact.email.toUpperCase(), to: address, body, messageId: id }),
      "api",
    );
    expect(out).toMatchObject({ status: "accepted", caseId: c.id, caseNumber: c.number });
    const [entry] = await comments(c.id);
    expect(entry).toMatchObject({
      body: "It works now, thanks!",
      authorId: contact.id,
      authorName: contact.name,
    });
    expect(entry.idempotencyKey).toBe(`mid:${id}`);
    expect(await inbox(`mid:${id}`)).toMatchObject({ status: "accepted", caseId: c.id, receivedVia: "api" });
  });

  it("PRO-5: a reply without the token is matched by In-Reply-To naming a Message-ID sent about the case", async () => {
    const { c, contact } = await caseWithCustomer();
    // The email the case's customer really got (NOT-1: "We have opened case …"), as queued: a
    // hand-made outbox row once named the source table otherwise, and no real reply ever matched.
    const { messageId: sent } = await db().outboxMessage.findFirstOrThrow({
      where: { recipient: contact.email, event: "case.opened" },
      select: { messageId: true },
    });
    expect(sent).toMatch(/^<.+@.+>$/);
    const out = await receive(
      rawMail({ from: contact.email, to: "support@elsewhere.example", inReplyTo: sent! }),
      "smtp",
    );
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    expect(await receive(rawMail({ from: contact.email, to: "x@y.example" }), "smtp")).toMatchObject({
      status: "refused",
      reason: "no_case",
    });
  });

  it("REL-6: a forged From, and another customer using this case's token, are refused and write nothing", async () => {
    const { c, address } = await caseWithCustomer();
    const other = await makeCustomer();
    for (const from of ["attacker@evil.example", other.contact.email]) {
      const id = `<${unique("f")}@evil.example>`;
      const out = await receive(rawMail({ from, to: address, messageId: id }), "smtp");
      expect(out).toMatchObject({ status: "refused", reason: "sender_mismatch", caseId: c.id });
      expect(await inbox(`mid:${id}`)).toMatchObject({ status: "refused", reason: "sender_mismatch" });
    }
    expect(await comments(c.id)).toEqual([]);
    const unknown = `reply+${"A".repeat(32)}@${DOMAIN}`;
    expect(await receive(rawMail({ from: "a@b.example", to: unknown }), "smtp")).toMatchObject({
      reason: "unknown_token",
    });
  });

  it("REL-6: malformed MIME and a 20 MB message are refused, recorded, and write nothing else", async () => {
    const garbage = Buffer.from(`\u0000\u0001 not an email ${unique("g")}`);
    expect(await receive(garbage, "api")).toMatchObject({ status: "refused", reason: "malformed" });
    const { c, contact, address } = await caseWithCustomer();
    const id = `<${unique("big")}@customer.example>`;
    const big = rawMail({
      from: contact.email,
      to: address,
      messageId: id,
      body: "x".repeat(20 * 1024 * 1024),
    });
    expect(await receive(big, "smtp")).toMatchObject({ status: "refused", reason: "too_large" });
    expect(await inbox(`mid:${id}`)).toMatchObject({
      status: "refused",
      reason: "too_large",
      fromAddress: contact.email,
    });
    expect(await comments(c.id)).toEqual([]);
  });

  it("REL-6: an HTML-only reply with <script> is stored as text without markup", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const html = `<p>Hello <b>team</b></p><script>alert("x")</script><style>p{color:red}</style>`;
    expect(await receive(rawMail({ from: contact.email, to: address, html }), "api")).toMatchObject({
      status: "accepted",
    });
    const [entry] = await comments(c.id);
    expect(entry.body).toBe("Hello team");
    expect(entry.body).not.toMatch(/[<>]|alert/);
  });

  it("REL-6: the same message delivered 50 times at once writes one comment and one row with 50 deliveries", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const id = `<${unique("dup")}@customer.example>`;
    const raw = rawMail({ from: contact.email, to: address, messageId: id });
    const outs = await Promise.all(Array.from({ length: 50 }, () => receive(raw, "smtp")));
    expect(outs.filter((o) => o.status === "accepted")).toHaveLength(1);
    expect(outs.filter((o) => o.status === "duplicate")).toHaveLength(49);
    expect(await comments(c.id)).toHaveLength(1);
    expect(await inbox(`mid:${id}`)).toMatchObject({ deliveries: 50, status: "accepted" });
    const noId = rawMail({ from: contact.email, to: address, messageId: null, body: "no id" });
    await receive(noId, "api");
    expect(await receive(noId, "api")).toMatchObject({ status: "duplicate", deliveries: 2 });
    expect(await comments(c.id)).toHaveLength(2);
  });

  it("REL-6: a NUL encoded into the Message-ID or the From address is removed, on both databases", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const id = `<=?utf-8?B?AA==?=${unique("nul")}@customer.example>`;
    const out = await receive(rawMail({ from: contact.email, to: address, messageId: id }), "api");
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    const row = await db().inboundMessage.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row.messageId).not.toContain("\u0000");
    const nulFrom = rawMail({ from: `=?utf-8?B?AA==?=${contact.email}`, to: address, body: "Second" });
    expect(await receive(nulFrom, "api")).toMatchObject({ status: "accepted", caseId: c.id });
    const rows = await db().inboundMessage.findMany({ where: { caseId: c.id } });
    expect(rows.map((r) => r.fromAddress)).toEqual([contact.email, contact.email]);
  });

  it("REL-6: an automatic reply (out of office) is refused: no comment, the case stays Awaiting Info", async () => {
    const { c, contact, address, agent } = await caseWithCustomer();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: 2,
      question: "Which printer model is it?",
    });
    for (const extra of [
      "Auto-Submitted: auto-replied",
      "X-Autoreply: yes",
      "X-Autorespond: Out of office",
    ]) {
      const auto = rawMail({ from: contact.email, to: address, extra });
      expect(await receive(auto, "api"), extra).toMatchObject({
        status: "refused",
        reason: "automatic",
        caseId: c.id,
      });
    }
    // Only the agent's question (NOT-1) is there: the automatic reply added nothing.
    expect((await comments(c.id)).map((e) => e.authorId)).toEqual([agent.id]);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.AwaitingInfo);
  });

  it("REL-6: a bounce of our email (a delivery report, from the MAILER-DAEMON) is refused as automatic, not held", async () => {
    const raw = Buffer.from(
      [
        "From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>",
        `To: support@${DOMAIN}`,
        "Subject: Undelivered Mail Returned to Sender",
        `Message-ID: <${unique("bounce")}@mx.customer.example>`,
        "MIME-Version: 1.0",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "The mail could not be delivered.",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Final-Recipient: rfc822; gone@customer.example",
        "Action: failed",
        "--b--",
        "",
      ].join("\r\n"),
    );
    expect(await receive(raw, "smtp")).toMatchObject({ status: "refused", reason: "automatic" });
  });

  it("PRO-5: a reply to an Awaiting Info case returns it to Open, audited as the customer's change", async () => {
    const { agent, c, contact, address } = await caseWithCustomer();
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: 2,
      question: "Which printer model is it?",
    });
    await receive(rawMail({ from: contact.email, to: address }), "api");
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.state).toBe(CaseState.Open);
    const audit = await db().auditEntry.findFirst({
      where: { table: "sn_customerservice_case", recordId: c.id, field: "state", oldValue: "18" },
    });
    expect(audit).toMatchObject({ newValue: "10", userId: contact.id });
  });

  it("PRO-5: a reply to a Closed case is refused and the customer is told to open a new case", async () => {
    const { agent, c, contact, address } = await caseWithCustomer();
    await runCaseAction(agent, c.number, { action: "cancel", version: 1 });
    const id = `<${unique("cl")}@customer.example>`;
    const out = await receive(rawMail({ from: contact.email, to: address, messageId: id }), "api");
    expect(out).toMatchObject({ status: "refused", reason: "case_closed", caseId: c.id });
    expect(await comments(c.id)).toEqual([]);
    const answer = await db().outboxMessage.findFirstOrThrow({
      where: { event: "case.reply_refused", sourceId: c.id },
    });
    expect(answer).toMatchObject({ recipient: contact.email, inReplyTo: id, sourceTable: TABLE.case });
    expect(answer.body).toMatch(/open a new case/);
    expect(answer.body).toContain("/portal/cases/new"); // where to open it
  });
});
