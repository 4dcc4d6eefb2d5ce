import "server-only";
import { runAgentCommentFollowUps } from "../follow-ups/agent-comment";
import { transaction } from "@/lib/db";
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
import { parseOrThrow } from "@/lib/domain/validation";
import { queueCommentEmails } from "../email/customer-comments";
import { readNotifyTargets } from "../tables/case-reads";
import { lockCases } from "../tables/case";
import { casesWithIds, notifyReach } from "../tables/case-selection";
import { insertNotesOnCases } from "../tables/journal-entry";
import { commentsKeyed } from "../tables/outbox-message";
import { num } from "../tables/sql";

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
    await lockCases(tx, notifyReach(input.cases, MajorCaseState.Accepted));
    const found = await readNotifyTargets(tx, { numbers: input.cases });
    const selected = found.filter((c) => !isCaseClosedForChanges(num(c.state)));
    const skipped = { notVisible: input.cases.length - found.length, closed: found.length - selected.length };
    // A major case has no customer of its own: its customers are those of its open children, which
    // the message reaches as if they had been selected too.
    const majors = selected.filter((c) => c.majorCaseState === MajorCaseState.Accepted).map((c) => num(c.id));
    const children = majors.length
      ? await readNotifyTargets(tx, { parents: majors, except: found.map((c) => num(c.id)) })
      : [];
    const openChildren = children.filter((c) => !isCaseClosedForChanges(num(c.state)));
    const open = [...selected, ...openChildren];
    if (!open.length) return { notified: 0, children: 0, emails: 0, noEmail: 0, already: 0, skipped };
    const ids = open.map((c) => num(c.id));
    const comment = { kind: "comments", body: input.message, author: actor, idempotencyKey: key } as const;
    const now = new Date();
    const notified = await insertNotesOnCases(tx, casesWithIds(ids), comment, now);
    // NOT-5: the message is the agent's answer on each case (its response SLA is met).
    if (notified) await runAgentCommentFollowUps(tx, ids, now);
    const emails = await queueCommentEmails(tx, commentsKeyed(ids, key), input.message, `${key}:`);
    const noEmail = notified ? open.filter((c) => !num(c.customers)).length : 0;
    // A retry that wrote nothing names no children either ("Notified 0 cases", not "(4 children…)").
    const reached = { notified, children: notified ? openChildren.length : 0, emails, noEmail };
    return { ...reached, already: open.length - notified, skipped };
  });
  return counts;
}
