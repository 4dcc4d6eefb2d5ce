// PRO-1, PRO-2: what Create Proactive Cases makes — pure, so the threshold split is testable.
import { priorityFor, type PriorityRow } from "../priority/lookup";
import type { MapValue } from "../field-maps/rules";

export type ProactivePlan =
  /** No affected account lacks a case: nothing to create. */
  | { kind: "none" }
  /** One case per pending account, no major case. */
  | { kind: "individual"; accountIds: number[] }
  /** A new major case (accepted, no account) with one child per pending account. */
  | { kind: "new_major"; accountIds: number[] }
  /** The incident's major case exists: pending accounts become its children. */
  | { kind: "join_major"; majorCaseId: number; accountIds: number[] };

/**
 * PRO-1: the split. N is every affected account of the incident — also those that already have a
 * case — because the threshold measures the outage, not the last batch: with T = 5, three accounts
 * then three more give a major case for the second run's accounts (the first three keep their own
 * cases, which agents may already be working). Once the incident has a major case, later accounts
 * always join it, whatever N.
 */
export function planProactive(input: {
  pendingAccountIds: readonly number[];
  affectedCount: number;
  threshold: number;
  majorCaseId: number | null;
}): ProactivePlan {
  const accountIds = [...new Set(input.pendingAccountIds)].sort((a, b) => a - b);
  if (!accountIds.length) return { kind: "none" };
  if (input.majorCaseId !== null) return { kind: "join_major", majorCaseId: input.majorCaseId, accountIds };
  return input.affectedCount >= input.threshold
    ? { kind: "new_major", accountIds }
    : { kind: "individual", accountIds };
}

/**
 * PRO-2: "priority from the case priority lookup". A case priority runs 1–4 and the Priority Data
 * Lookup answers 1–5 for impact × urgency, so the case takes the lookup's priority for the mapped
 * impact and urgency, with 5 - Planning read as 4 - Low — unless the map sets priority itself.
 */
export function casePriorityFor(rows: readonly PriorityRow[], impact: number, urgency: number): number {
  return Math.min(priorityFor(rows, impact, urgency), 4);
}

/** The field values every proactive case of a run shares (the map's output, plus priority). */
export function proactiveCaseData(
  mapped: Record<string, MapValue>,
  rows: readonly PriorityRow[],
): Record<string, MapValue> {
  const impact = typeof mapped.impact === "number" ? mapped.impact : 3;
  const urgency = typeof mapped.urgency === "number" ? mapped.urgency : 3;
  return {
    shortDescription: "Proactive case",
    ...mapped,
    priority: typeof mapped.priority === "number" ? mapped.priority : casePriorityFor(rows, impact, urgency),
  };
}

/** The button's answer (PRO-1): "Created 3 cases; 2 accounts already had one". */
export function proactiveSummary(r: {
  created: number;
  alreadyHad: number;
  majorCaseNumber?: string | null;
}) {
  const created = `Created ${r.created} ${r.created === 1 ? "case" : "cases"}`;
  const major = r.majorCaseNumber ? ` (major case ${r.majorCaseNumber} with its children)` : "";
  const had = `${r.alreadyHad} ${r.alreadyHad === 1 ? "account" : "accounts"} already had one`;
  return `${created}${major}; ${had}`;
}
