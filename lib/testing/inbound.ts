// Fixtures for the email-in tests: a case with a customer contact and a reply token, and raw
// RFC 822 messages replying to it.
import { randomBytes } from "node:crypto";
import { db, dialect } from "@/lib/db";
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

/**
 * A real database error for the failure paths: every row of `table` whose `column` contains
 * `marker` is refused by a trigger (SQLite RAISE, PostgreSQL plpgsql), until the returned function
 * drops it.
 */
export async function failInserts(
  table: string,
  column: string,
  marker: string,
): Promise<() => Promise<void>> {
  const name = `cf_test_fail_${randomBytes(6).toString("hex")}`;
  const quoted = marker.replace(/'/g, "''");
  if (dialect() === "postgresql") {
    await db().$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF strpos(NEW."${column}", '${quoted}') > 0 THEN RAISE EXCEPTION 'injected failure'; END IF;
      RETURN NEW; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await db().$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db().$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}"
    WHEN instr(NEW."${column}", '${quoted}') > 0 BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  return async () => {
    await db().$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}

/** failInserts for journal entries (a reply's comment) whose body contains `marker`. */
export const failJournalInserts = (marker: string) => failInserts("JournalEntry", "body", marker);
