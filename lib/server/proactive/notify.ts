import "server-only";
import { dialect, Prisma, transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { forbidden } from "@/lib/domain/errors";
import {
  canNotifyCustomers,
  notifySchema,
  type NotifyCounts,
  type NotifyInput,
} from "@/lib/domain/proactive/notify";
import { MajorCaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { queueCommentEmails } from "../email/customer-comments";
import { scheduleDelivery } from "../outbox/deliver";
import { num } from "../sql";

type Found = { id: number; state: number; majorCaseState: string; customers: unknown };

/**
 * PRO-3 Notify Customers: in one transaction, the message becomes an additional comment on each
 * selected case (author: the agent) and one outbox email per case customer — three set-based
 * statements after one read, whatever the number of cases (PERF-3). Skipped and counted: numbers
 * the agent cannot see (case visibility is by role — agents, managers and `itil` users, who may
 * notify, read them all — so these are cases that do not exist), and Closed or Cancelled cases. A selected major case
 * brings its open children (their customers are the outage's customers). A case without a customer
 * email gets the comment and is counted as such. The dialog's request id keys the comments
 * (JournalEntry.idempotencyKey) and, through them, the emails: a double submit, a retry or a
 * concurrent identical submit writes nothing twice.
 */
export async function notifyCustomers(actor: Actor, raw: NotifyInput): Promise<NotifyCounts> {
  if (!canNotifyCustomers(actor))
    throw forbidden("Only customer service agents, managers and ITIL fulfillers can notify customers.");
  const input = parseOrThrow(notifySchema, raw);
  const key = `notify:${input.requestId}`;
  const counts = await transaction(async (tx) => {
    // PostgreSQL: a close committing meanwhile waits for this notification (SQLite writes one at a time).
    const lock = dialect() === "postgresql" ? Prisma.sql`ORDER BY k."id" FOR UPDATE OF k` : Prisma.empty;
    const select = Prisma.sql`SELECT k."id", k."state", k."majorCaseState", (SELECT COUNT(*) FROM "User" u
        WHERE u."id" = COALESCE(k."contactId", k."consumerId") AND u."active" = ${true}) AS "customers"
      FROM "Case" k`;
    const found = await tx.$queryRaw<Found[]>`
      ${select} WHERE k."number" IN (${Prisma.join(input.cases)}) ${lock}`;
    const selected = found.filter((c) => !isCaseClosedForChanges(num(c.state)));
    const skipped = { notVisible: input.cases.length - found.length, closed: found.length - selected.length };
    // A major case has no customer of its own: its customers are those of its open children, which
    // the message reaches as if they had been selected too.
    const majors = selected.filter((c) => c.majorCaseState === MajorCaseState.Accepted).map((c) => num(c.id));
    const children = majors.length
      ? await tx.$queryRaw<Found[]>`
          ${select} WHERE k."parentId" IN (${Prisma.join(majors)})
            AND k."id" NOT IN (${Prisma.join(found.map((c) => num(c.id)))}) ${lock}`
      : [];
    const open = [...selected, ...children.filter((c) => !isCaseClosedForChanges(num(c.state)))];
    if (!open.length) return { notified: 0, emails: 0, noEmail: 0, already: 0, skipped };
    const ids = Prisma.join(open.map((c) => num(c.id)));
    const notified = await tx.$executeRaw`
      INSERT INTO "JournalEntry" ("table", "recordId", "kind", "body", "authorId", "authorName", "createdAt",
        "idempotencyKey")
      SELECT ${TABLE.case}, k."id", 'comments', ${input.message}, ${actor.id}, ${actor.name}, ${new Date()}, ${key}
      FROM "Case" k WHERE k."id" IN (${ids})
      ON CONFLICT DO NOTHING`;
    const emails = await queueCommentEmails(
      tx,
      Prisma.sql`j."recordId" IN (${ids}) AND j."idempotencyKey" = ${key}`,
      input.message,
      `${key}:`,
    );
    const noEmail = notified ? open.filter((c) => !num(c.customers)).length : 0;
    return { notified, emails, noEmail, already: open.length - notified, skipped };
  });
  if (counts.emails) scheduleDelivery(); // after commit
  return counts;
}
