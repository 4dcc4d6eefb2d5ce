"use client";
import Link from "@/components/ui/link";
import { BulkBar, type BulkOptions } from "@/components/cases/bulk-bar";
import { NotifyCustomers } from "@/components/proactive/notify-customers";
import { useSelection } from "@/components/proactive/use-selection";
import type { Tone } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * One row of a case table, already formatted on the server. The table is a client component
 * so the page's RSC payload carries this compact data rather than the whole element tree —
 * about half the server work of a list page (measured for PERF-1). The case list and the major
 * cases page share it; each picks its columns.
 */
export type CaseRowView = {
  id: number;
  /** WRK-4: the version the list showed (the bulk actions' stale check, REC-6). */
  version?: number;
  number: string;
  shortDescription: string;
  major: boolean;
  /** PRO-1: made by Create Proactive Cases (or marked proactive). */
  proactive: boolean;
  /** WRK-3: the customer replied and the assignee has not opened the case since. */
  replied?: boolean;
  /** WRK-1: the assignment group's name. */
  group?: string | null;
  /** NOT-5: the earliest running SLA's due time, said as time left (case list only). */
  sla?: { text: string; tone: Tone; iso: string } | null;
  state: string;
  stateTone: Tone;
  priority: string;
  priorityTone: Tone;
  account: string | null;
  contact: string | null;
  assignedTo: string | null;
  updatedIso: string;
  updatedText: string;
  /** Major cases page (MAJ-1) only. */
  businessImpact?: string | null;
  proposedIso?: string | null;
  proposedText?: string | null;
  children?: number;
};

export type CaseCell =
  | "number"
  | "shortDescription"
  | "state"
  | "priority"
  | "account"
  | "contact"
  | "assignedTo"
  | "group"
  | "sla"
  | "updated"
  | "businessImpact"
  | "proposed"
  | "children";

export type SortLink = {
  cell: CaseCell;
  label: string;
  href: string | null;
  sort: "ascending" | "descending" | null;
};

const when = (iso: string | null | undefined, text: string | null | undefined) =>
  iso ? <time dateTime={iso}>{text}</time> : "—";

function Cell({ r, cell }: { r: CaseRowView; cell: CaseCell }) {
  switch (cell) {
    case "number":
      return (
        <td className="cf-nowrap">
          <Link className="cf-link" href={`/cases/${r.number}`}>
            {r.number}
          </Link>
        </td>
      );
    case "shortDescription":
      return (
        <td className="cf-clip">
          {r.shortDescription}
          {r.major && (
            <>
              {" "}
              <span className="cf-badge violet">Major</span>
            </>
          )}
          {r.proactive && (
            <>
              {" "}
              <span className="cf-badge blue">Proactive</span>
            </>
          )}
          {r.replied && (
            <>
              {" "}
              <span className="cf-badge amber">Customer replied</span>
            </>
          )}
        </td>
      );
    case "state":
      return (
        <td>
          <span className={`cf-badge ${r.stateTone}`}>{r.state}</span>
        </td>
      );
    case "priority":
      return (
        <td className="cf-nowrap">
          <span className={`cf-badge ${r.priorityTone}`}>{r.priority}</span>
        </td>
      );
    case "account":
      return <td>{r.account ?? "—"}</td>;
    case "contact":
      return <td>{r.contact ?? "—"}</td>;
    case "assignedTo":
      return <td>{r.assignedTo ?? <span className="cf-muted">Unassigned</span>}</td>;
    case "group":
      return <td>{r.group ?? "—"}</td>;
    case "sla":
      return (
        <td className="cf-nowrap">
          {r.sla ? (
            <time dateTime={r.sla.iso} className={`cf-badge ${r.sla.tone}`}>
              {r.sla.text}
            </time>
          ) : (
            "—"
          )}
        </td>
      );
    case "updated":
      return <td className="cf-nowrap">{when(r.updatedIso, r.updatedText)}</td>;
    case "businessImpact":
      return <td className="max-w-sm truncate">{r.businessImpact ?? "—"}</td>;
    case "proposed":
      return <td className="cf-nowrap">{when(r.proposedIso, r.proposedText)}</td>;
    case "children":
      return <td className="cf-nowrap">{r.children ?? 0}</td>;
  }
}

export function CaseTable({
  rows,
  columns,
  caption = "Cases",
  empty = "No cases match these filters.",
  framed = true,
  selectable = false,
  bulk,
}: {
  rows: CaseRowView[];
  columns: SortLink[];
  caption?: string;
  empty?: string;
  /** false inside a Section, which draws the frame already. */
  framed?: boolean;
  /** PRO-3: row checkboxes, "Select all" and the Notify Customers button. */
  selectable?: boolean;
  /** WRK-4: with row selection, the bulk bar (Assign, Priority, State) and its choices. */
  bulk?: BulkOptions;
}) {
  const selection = useSelection(rows.map((r) => r.number));
  if (!rows.length) {
    return framed ? (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
        {empty}
      </p>
    ) : (
      <p className="text-sm text-slate-500">{empty}</p>
    );
  }
  const table = (
    <div
      className={
        framed ? "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" : "overflow-x-auto"
      }
    >
      <table className="cf-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="w-8">
                <Checkbox label="Select all" checked={selection.all} onChange={selection.toggleAll} />
              </th>
            )}
            {columns.map((c) => (
              <th key={c.cell} scope="col" aria-sort={c.sort ?? undefined}>
                {c.href ? (
                  <Link href={c.href} className="hover:text-slate-900">
                    {c.label}
                    {c.sort === "descending" ? " ↓" : c.sort === "ascending" ? " ↑" : ""}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {selectable && (
                <td>
                  <Checkbox
                    label={`Select ${r.number}`}
                    checked={selection.isSelected(r.number)}
                    onChange={(on) => selection.toggle(r.number, on)}
                  />
                </td>
              )}
              {columns.map((c) => (
                <Cell key={c.cell} r={r} cell={c.cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!selectable) return table;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <NotifyCustomers selected={selection.selected} onSent={selection.clear} />
        {bulk && (
          <BulkBar
            selected={rows
              .filter((r) => selection.isSelected(r.number))
              .map((r) => `${r.number}:${r.version}`)}
            options={bulk}
            onDone={selection.clear}
          />
        )}
        <span className="text-xs text-slate-600" aria-live="polite">
          {selection.selected.length ? `${selection.selected.length} selected` : ""}
        </span>
      </div>
      {table}
    </div>
  );
}
