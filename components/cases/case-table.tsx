"use client";
import { useMemo } from "react";
import { useLinkClicks } from "@/components/ui/link";
import { unpackRows, type PackedRows } from "@/lib/packed-rows";
import { BulkBar, type BulkOptions } from "@/components/cases/bulk-bar";
import { NotifyCustomers } from "@/components/proactive/notify-customers";
import { useSelection } from "@/components/proactive/use-selection";
import type { Tone } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * One row of a case table, already formatted on the server. The table is a client component
 * so the page's RSC payload carries this compact data rather than the whole element tree —
 * about half the server work of a list page (measured for PERF-1). The case list and the major
 * cases page share it; each picks its columns. The rows travel packed (`CaseRows`): keys once.
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

/** A table's rows as the page hands them over: packed (lib/packed-rows.ts). */
export type CaseRows = PackedRows<CaseRowView>;

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

/** `title`: on hover, the whole text of a cell that may be cut (the short description, names). */
type Cell = { className?: string; content: React.ReactNode; title?: string };
const cellWith = (className: string | undefined, content: React.ReactNode, title?: string): Cell => ({
  className,
  content,
  title,
});
/**
 * The title of a text that may be cut: a case table's cells (cf-cells) stop at 10rem, and its
 * cf-fill column gives its width up down to 10rem — 9rem of text after the padding, 16 wide
 * characters. Shorter texts always show whole and carry no title (less page to send).
 */
const mayBeCut = (text: string | null) => (text && text.length > 16 ? text : undefined);
const nameCell = (name: string | null, none: React.ReactNode = "—"): Cell =>
  cellWith(undefined, name ?? none, mayBeCut(name));

/**
 * A cell's class and content. A function, not a component: a list draws 50 rows × 8–9 cells, and
 * a component per cell was ~450 more components for React to render on the server and hydrate.
 */
function cellOf(r: CaseRowView, cell: CaseCell): Cell {
  switch (cell) {
    case "number":
      // Navigated in the app by the table's one click handler (useLinkClicks).
      return cellWith(
        undefined,
        <a className="cf-link" href={`/cases/${r.number}`}>
          {r.number}
        </a>,
      );
    case "shortDescription":
      return cellWith(
        "cf-fill",
        // The marks first: a description too long for the cell is cut at its end, never a mark.
        <>
          {r.major && <span className="cf-badge violet">Major</span>}
          {r.major && " "}
          {r.proactive && <span className="cf-badge blue">Proactive</span>}
          {r.proactive && " "}
          {r.replied && <span className="cf-badge amber">Customer replied</span>}
          {r.replied && " "}
          {r.shortDescription}
        </>,
        mayBeCut(r.shortDescription),
      );
    case "state":
      return cellWith(undefined, <span className={`cf-badge ${r.stateTone}`}>{r.state}</span>);
    case "priority":
      return cellWith(undefined, <span className={`cf-badge ${r.priorityTone}`}>{r.priority}</span>);
    case "account":
      return nameCell(r.account);
    case "contact":
      return nameCell(r.contact);
    case "assignedTo":
      return nameCell(r.assignedTo, <span className="cf-muted">Unassigned</span>);
    case "group":
      return nameCell(r.group ?? null);
    case "sla":
      return cellWith(
        undefined,
        r.sla ? (
          <time dateTime={r.sla.iso} className={`cf-badge ${r.sla.tone}`}>
            {r.sla.text}
          </time>
        ) : (
          "—"
        ),
      );
    case "updated":
      return cellWith(undefined, when(r.updatedIso, r.updatedText));
    case "businessImpact":
      return cellWith("cf-wide", r.businessImpact ?? "—", mayBeCut(r.businessImpact ?? null));
    case "proposed":
      return cellWith(undefined, when(r.proposedIso, r.proposedText));
    case "children":
      return cellWith(undefined, r.children ?? 0);
  }
}

export function CaseTable({
  rows: packed,
  columns,
  caption = "Cases",
  empty = "No cases match these filters.",
  framed = true,
  selectable = false,
  bulk,
}: {
  rows: CaseRows;
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
  const rows = useMemo(() => unpackRows(packed), [packed]);
  const selection = useSelection(rows.map((r) => r.number));
  const linkClicks = useLinkClicks();
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
      {/* The sort headers' and the rows' links navigate in the app through one handler. */}
      <table className="cf-table cf-cells" onClick={linkClicks}>
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
                  <a href={c.href} className="hover:text-slate-900">
                    {c.label}
                    {c.sort === "descending" ? " ↓" : c.sort === "ascending" ? " ↑" : ""}
                  </a>
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
                  {/* A native box, not <Checkbox>: a row is never "mixed", and 50 components fewer. */}
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.number}`}
                    checked={selection.isSelected(r.number)}
                    onChange={(e) => selection.toggle(r.number, e.currentTarget.checked)}
                    className="cf-check"
                    data-needs-script=""
                  />
                </td>
              )}
              {columns.map((c) => {
                const { className, content, title } = cellOf(r, c.cell);
                return (
                  <td key={c.cell} className={className} title={title}>
                    {content}
                  </td>
                );
              })}
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
