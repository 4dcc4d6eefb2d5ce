// INC-5: the Priority Data Lookup (dl_u_priority): impact × urgency → priority.
export type PriorityRow = { impact: number; urgency: number; priority: number; order: number };

/** The standard 3×3 matrix the lookup is seeded with, in its order. */
export const STANDARD_PRIORITY_MATRIX: PriorityRow[] = [
  [1, 1, 1],
  [1, 2, 2],
  [1, 3, 3],
  [2, 1, 2],
  [2, 2, 3],
  [2, 3, 4],
  [3, 1, 3],
  [3, 2, 4],
  [3, 3, 5],
].map(([impact, urgency, priority], i) => ({ impact, urgency, priority, order: (i + 1) * 100 }));

const byOrder = (rows: readonly PriorityRow[]) =>
  [...rows].sort((a, b) => a.order - b.order || a.impact - b.impact || a.urgency - b.urgency);

/** Priority of an impact/urgency pair; Planning (5) when the table has no row for it. */
export function priorityFor(rows: readonly PriorityRow[], impact: number, urgency: number): number {
  return rows.find((r) => r.impact === impact && r.urgency === urgency)?.priority ?? 5;
}

/** The first row (by order) whose priority matches, or null. */
export function firstRowForPriority(rows: readonly PriorityRow[], priority: number): PriorityRow | null {
  return byOrder(rows).find((r) => r.priority === priority) ?? null;
}

export const LOOKUP_OFF_DEFAULTS = { priority: 5, impact: 3, urgency: 3 } as const;

/**
 * Impact, urgency and priority of an incident created from a case (INC-5).
 * Lookup on: priority = the case priority; impact and urgency from the first matching row.
 * Lookup off (or no row matches): 5 Planning, 3 Low, 3 Low.
 */
export function incidentPriorityFromCase(
  lookupActive: boolean,
  rows: readonly PriorityRow[],
  casePriority: number,
) {
  if (!lookupActive) return { ...LOOKUP_OFF_DEFAULTS };
  const row = firstRowForPriority(rows, casePriority);
  if (!row) return { ...LOOKUP_OFF_DEFAULTS, priority: casePriority };
  return { priority: casePriority, impact: row.impact, urgency: row.urgency };
}

/**
 * INC-5: the case priorities (1 Critical … 4 Low) no row maps to — Create Incident from such a case
 * would have no impact and urgency to take (it fell back to 3 Low / 3 Low, which the same table
 * then recalculated to another priority). An admin's change leaving one uncovered is refused.
 */
export function uncoveredCasePriorities(
  rows: readonly PriorityRow[],
  casePriorities: readonly number[],
): number[] {
  return casePriorities.filter((p) => !rows.some((r) => r.priority === p));
}
