import { priorityTone, stateTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/time";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import type { CaseRowView, SortLink } from "./case-table";

type Row = {
  id: number; number: string; shortDescription: string; state: number; priority: number; updatedAt: Date; majorCaseState: string;
  account: { name: string } | null; contact: { name: string } | null; consumer: { name: string } | null; assignedTo: { name: string } | null;
};

/** The list rows as the table shows them, formatted on the server. */
export function caseRowViews(rows: Row[]): CaseRowView[] {
  return rows.map((r) => {
    const state = labelOf(caseStates, r.state);
    return {
      id: r.id, number: r.number, shortDescription: r.shortDescription, major: r.majorCaseState === "accepted",
      state, stateTone: stateTone(state), priority: labelOf(casePriorities, r.priority), priorityTone: priorityTone(r.priority),
      account: r.account?.name ?? null, contact: r.contact?.name ?? r.consumer?.name ?? null, assignedTo: r.assignedTo?.name ?? null,
      updatedIso: r.updatedAt.toISOString(), updatedText: formatDateTime(r.updatedAt),
    };
  });
}

const COLUMNS = [
  { key: "number", label: "Number" },
  { key: "short_description", label: "Short description" },
  { key: "state", label: "State" },
  { key: "priority", label: "Priority" },
  { key: "", label: "Account" },
  { key: "", label: "Contact" },
  { key: "", label: "Assigned to" },
  { key: "updated", label: "Updated" },
];

/** Column headers with the link that sorts by them (toggling direction on the active one). */
export function caseColumns(sort: string, sortHref: (sort: string) => string): SortLink[] {
  return COLUMNS.map((c) => {
    const active = !!c.key && sort.replace("-", "") === c.key;
    const next = active && !sort.startsWith("-") ? `-${c.key}` : c.key;
    return { key: c.key, label: c.label, href: c.key ? sortHref(next) : null, sort: active ? (sort.startsWith("-") ? "descending" : "ascending") : null };
  });
}
