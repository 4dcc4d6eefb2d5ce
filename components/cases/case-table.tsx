"use client";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useLinkClicks } from "@/components/ui/link";
import { unpackRows, type PackedRows } from "@/lib/packed-rows";
import { BulkBar, type BulkOptions } from "@/components/cases/bulk-bar";
import { caseRowsHtml } from "@/components/cases/case-rows-html";
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
  // The text changes only with the rows or the columns, never with the selection: a new text would
  // replace every row's elements, and the box just clicked would lose the keyboard's focus.
  const html = useMemo(
    () =>
      caseRowsHtml(
        rows,
        columns.map((c) => c.cell),
        selectable,
      ),
    [rows, columns, selectable],
  );
  const body = useRef<HTMLTableSectionElement>(null);
  // The row boxes show the selection (the rows are not React's elements: their state is set here).
  useLayoutEffect(() => {
    for (const box of body.current?.querySelectorAll<HTMLInputElement>("input[data-case]") ?? [])
      box.checked = selection.isSelected(box.dataset.case ?? "");
  });
  // One handler for the table: a row's box (the selection flips, and the layout effect then sets the
  // box, whatever it was set to before), or a link.
  const onClick = (e: React.MouseEvent<HTMLElement>) => {
    const box = (e.target as Element).closest?.("input[data-case]");
    const number = box instanceof HTMLInputElement ? box.dataset.case : undefined;
    if (number) selection.toggle(number, !selection.isSelected(number));
    else linkClicks(e);
  };
  // Set while rendering, not in an effect: the render that empties the list must keep the bar.
  const [hadRows, setHadRows] = useState(rows.length > 0);
  if (rows.length > 0 && !hadRows) setHadRows(true);
  const none = framed ? (
    <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
      {empty}
    </p>
  ) : (
    <p className="text-sm text-slate-500">{empty}</p>
  );
  const table = !rows.length ? (
    none
  ) : (
    <div
      className={
        framed ? "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" : "overflow-x-auto"
      }
    >
      {/* The sort headers' and the rows' links navigate in the app through one handler; the rows' boxes too. */}
      <table className="cf-table cf-cells" onClick={onClick}>
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
        {/* The rows as HTML text: components/cases/case-rows-html.ts (docs/performance.md, finding 15). */}
        <tbody ref={body} dangerouslySetInnerHTML={{ __html: html }} />
      </table>
    </div>
  );
  // The bar stays once the list had rows: a bulk change that moved every row out of the filter (the
  // Unassigned ones, assigned) still shows its report, whose dialog the bar holds.
  if (!selectable || !hadRows) return table;
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
            onDone={selection.keepOnly}
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
