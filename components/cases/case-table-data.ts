import { priorityTone, stateTone } from "@/components/ui/badge";
import { formatListDateTime, isoDateTime } from "@/lib/domain/time-format";
import { durationText } from "@/lib/domain/sla/format";
import { casePriorities, caseStates, labelOf, MajorCaseState } from "@/lib/domain/records/choices";
import { packRows } from "@/lib/packed-rows";
import type { CaseCell, CaseRows, CaseRowView, SortLink } from "./case-table";

type Row = {
  id: number;
  version?: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  updatedAt: Date;
  majorCaseState?: string;
  proactive?: boolean;
  account: { name: string } | null;
  contact?: { name: string } | null;
  consumer?: { name: string } | null;
  assignedTo?: { name: string } | null;
  assignmentGroup?: { name: string } | null;
  customerReplied?: boolean;
  slaDueAt?: Date | null;
  businessImpact?: string | null;
  proposedAt?: Date | null;
  _count?: { children: number };
};

/** The rows as a case table shows them, formatted on the server and packed for its props. */
export function caseRowViews(rows: Row[], now = new Date()): CaseRows {
  return packRows(
    rows.map((r): CaseRowView => {
      const state = labelOf(caseStates, r.state);
      return {
        id: r.id,
        ...(r.version !== undefined && { version: r.version }),
        number: r.number,
        shortDescription: r.shortDescription,
        major: r.majorCaseState === MajorCaseState.Accepted,
        proactive: !!r.proactive,
        state,
        stateTone: stateTone(state),
        priority: labelOf(casePriorities, r.priority),
        priorityTone: priorityTone(r.priority),
        account: r.account?.name ?? null,
        contact: r.contact?.name ?? r.consumer?.name ?? null,
        assignedTo: r.assignedTo?.name ?? null,
        ...(r.customerReplied && { replied: true }),
        ...(r.assignmentGroup !== undefined && { group: r.assignmentGroup?.name ?? null }),
        ...(r.slaDueAt !== undefined && { sla: slaView(r.slaDueAt, now) }),
        updatedIso: isoDateTime(r.updatedAt),
        updatedText: formatListDateTime(r.updatedAt),
        // Major cases page only: the list's payload (PERF-1) carries none of these.
        ...(r.businessImpact !== undefined && { businessImpact: r.businessImpact }),
        ...(r.proposedAt && {
          proposedIso: isoDateTime(r.proposedAt),
          proposedText: formatListDateTime(r.proposedAt),
        }),
        ...(r._count && { children: r._count.children }),
      };
    }),
  );
}

const COLUMNS: { cell: CaseCell; sortKey: string; label: string }[] = [
  { cell: "number", sortKey: "number", label: "Number" },
  { cell: "shortDescription", sortKey: "short_description", label: "Short description" },
  { cell: "state", sortKey: "state", label: "State" },
  { cell: "priority", sortKey: "priority", label: "Priority" },
  { cell: "account", sortKey: "account", label: "Account" },
  { cell: "contact", sortKey: "contact", label: "Contact" },
  { cell: "group", sortKey: "group", label: "Assignment group" },
  { cell: "assignedTo", sortKey: "assigned_to", label: "Assigned to" },
  { cell: "sla", sortKey: "sla", label: "SLA" },
  { cell: "updated", sortKey: "updated", label: "Updated" },
];

/**
 * NOT-5: the case's earliest running SLA (or one breached and then paused, Awaiting Info), as the
 * time until (or past) its due time.
 */
function slaView(due: Date | null, now: Date): CaseRowView["sla"] {
  if (!due) return null;
  const left = due.getTime() - now.getTime();
  if (left <= 0) return { text: `overdue ${durationText(left)}`, tone: "red", iso: isoDateTime(due) };
  return {
    text: `due in ${durationText(left)}`,
    tone: left <= 3_600_000 ? "amber" : "gray",
    iso: isoDateTime(due),
  };
}

/** The case list's column headers with the link that sorts by them (toggling direction on the active one). */
export function caseColumns(sort: string, sortHref: (sort: string) => string): SortLink[] {
  return COLUMNS.map((c) => {
    const active = !!c.sortKey && sort.replace("-", "") === c.sortKey;
    const next = active && !sort.startsWith("-") ? `-${c.sortKey}` : c.sortKey;
    return {
      cell: c.cell,
      label: c.label,
      href: c.sortKey ? sortHref(next) : null,
      sort: active ? (sort.startsWith("-") ? "descending" : "ascending") : null,
    };
  });
}

/** Column headers that do not sort (the major cases page). */
export const plainColumns = (cols: [CaseCell, string][]): SortLink[] =>
  cols.map(([cell, label]) => ({ cell, label, href: null, sort: null }));
