// Fixtures for the email-in tests: a case with a customer contact and a reply token, and raw
// RFC 822 messages replying to it.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { replyAddress } from "@/lib/domain/email/reply-address";
import { makeAgent, makeCase, makeCustomer, unique } from "@/lib/testing/fixtures";

export const DOMAIN = "caseflow.localhost";

export async function caseWithCustomer(overrides: Record<string, unknown> = {}) {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, ...overrides });
  const token = randomBytes(24).toString("base64url");
  await db().case.update({ where: { id: c.id }, data: { replyToken: token } });
  return { agent, contact, account, c, token, address: replyAddress(token, DOMAIN) };
}

export function rawMail(h: {
  from: string;
  to: string;
  body?: string;
  html?: string;
  messageId?: string | null;
  inReplyTo?: string;
  subject?: string;
  extra?: string;
}): Buffer {
  const id = h.messageId === undefined ? `<${unique("m")}@customer.example>` : h.messageId;
  const headers = [
    `From: Customer <${h.from}>`,
    `To: ${h.to}`,
    `Subject: ${h.subject ?? "Re: your case"}`,
    ...(id ? [`Message-ID: ${id}`] : []),
    ...(h.inReplyTo ? [`In-Reply-To: ${h.inReplyTo}`, `References: ${h.inReplyTo}`] : []),
    ...(h.extra ? [h.extra] : []),
    "MIME-Version: 1.0",
    h.html ? "Content-Type: text/html; charset=utf-8" : "Content-Type: text/plain; charset=utf-8",
  ];
  return Buffer.from(`${headers.join("\r\n")}\r\n\r\n${h.html ?? h.body ?? "Thanks, that works."}\r\n`);
}

export const comments = (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: "sn_customerservice_case", recordId: caseId, kind: "comments" },
    orderBy: { id: "asc" },
  });
