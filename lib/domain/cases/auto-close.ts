// POR-1 / SPEC §1: a Resolved case closes automatically after an admin-set number of days without
// a customer answer (property sn_customerservice.case_auto_close_days). The scheduled job in
// lib/server/jobs/auto-close.ts selects the same cases in SQL; these rules say which ones.
import { CaseState, MajorCaseState } from "../records/choices";

export const AUTO_CLOSE_JOB = "case-auto-close";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The property's value as a number of days; 0 (off) when it is 0, blank or not a whole number. */
export function autoCloseDays(raw: string | undefined): number {
  const text = raw?.trim() ?? "";
  return /^\d+$/.test(text) ? Number(text) : 0;
}

/** Cases resolved at or before this moment are old enough to close; null when closing is off. */
export function autoCloseCutoff(days: number, now: Date): Date | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS) : null;
}

export type AutoCloseCandidate = {
  state: number;
  resolvedAt: Date | null;
  /** The newest additional comment by the case's contact or consumer, if any. */
  lastCustomerAnswerAt: Date | null;
  majorCaseState?: string | null;
};

/**
 * Due: Resolved, resolved at or before the cutoff, and the customer has not answered since the
 * resolution. A customer who answered is waiting for an agent, who closes or reopens the case. Never
 * a major case: closing one closes its children (MAJ-5), and its children's customers answer on the
 * children — a major issue manager closes it.
 */
export function isDueForAutoClose(c: AutoCloseCandidate, cutoff: Date | null): boolean {
  if (!cutoff || c.state !== CaseState.Resolved || !c.resolvedAt) return false;
  if (c.majorCaseState === MajorCaseState.Accepted) return false;
  if (c.resolvedAt.getTime() > cutoff.getTime()) return false;
  return !c.lastCustomerAnswerAt || c.lastCustomerAnswerAt.getTime() <= c.resolvedAt.getTime();
}

/** The work note written on each case the job closes. */
export const autoCloseNote = (days: number) =>
  `Closed automatically after ${days} day${days === 1 ? "" : "s"} without a customer answer.`;
