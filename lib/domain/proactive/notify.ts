import { z } from "zod";
import { canWriteCases, canWriteItsm, type Actor } from "../auth/roles";
import { plainText, requiredText } from "../validation";

// PRO-3 Notify Customers: the message becomes an additional comment on each selected case and is
// emailed to each case's customer. These are the input rules and the answer the dialog shows.

/**
 * Who notifies: agents and managers, and ITIL fulfillers (`itil`) — all of them read every case
 * and the incident's Customer Cases, where the row checkboxes and the button are.
 */
export const canNotifyCustomers = (a: Actor) => canWriteCases(a) || canWriteItsm(a);

export const NOTIFY_MAX_CASES = 2_000;
export const NOTIFY_MAX_LENGTH = 4_000;
const CASE_NUMBER = /^CS\d{1,20}$/;

export const notifySchema = z.object({
  cases: plainText("Cases")
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(CASE_NUMBER, "Cases must be case numbers (CS…)."))
        .min(1, "Select at least one case.")
        .max(NOTIFY_MAX_CASES, `Notify at most ${NOTIFY_MAX_CASES.toLocaleString("en")} cases at once.`),
    ),
  message: requiredText("Message", NOTIFY_MAX_LENGTH),
  requestId: z
    .string({ error: "Request id is missing; reload the page." })
    .regex(/^[\w-]{8,100}$/, "Invalid request id; reload the page."),
});
export type NotifyInput = z.input<typeof notifySchema>;

export type NotifyCounts = {
  /** Cases that got the comment now. */
  notified: number;
  /** Of the cases reached, the open children of selected major cases (not selected themselves). */
  children: number;
  /** Emails queued now. */
  emails: number;
  /** Of the notified cases, those without a customer email: comment only. */
  noEmail: number;
  /** Cases this request had already notified (a double submit): nothing new. */
  already: number;
  skipped: { notVisible: number; closed: number };
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * "Notified 3 cases; 2 emails queued; 2 skipped (1 Closed or Cancelled, 1 not found or not visible)";
 * a selected major case's children are named, since they were not ticked: "Notified 5 cases (4 children
 * of a selected major case); …".
 * Queued: the emails wait in the outbox (/admin/outbox) and leave right after the commit when SMTP is set.
 */
export function notifySummary(c: NotifyCounts): string {
  const reasons = [
    c.skipped.closed && `${c.skipped.closed} Closed or Cancelled`,
    c.skipped.notVisible && `${c.skipped.notVisible} not found or not visible`,
  ].filter(Boolean);
  const skipped = c.skipped.closed + c.skipped.notVisible;
  const parts = [
    `Notified ${plural(c.notified, "case")}` +
      (c.children ? ` (${plural(c.children, "child", "children")} of a selected major case)` : ""),
    `${plural(c.emails, "email")} queued`,
    `${skipped} skipped${reasons.length ? ` (${reasons.join(", ")})` : ""}`,
  ];
  if (c.noEmail) parts.push(`${plural(c.noEmail, "case")} without a customer email got the comment only`);
  if (c.already) parts.push(`${plural(c.already, "case")} already notified by this request`);
  return `${parts.join("; ")}.`;
}
