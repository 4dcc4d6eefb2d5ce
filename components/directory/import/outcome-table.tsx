"use client";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ImportAnswer, ImportRowOutcome } from "./stream";

const PAGE = 100;
const TONE: Record<ImportRowOutcome["outcome"], Tone> = {
  create: "green",
  update: "blue",
  unchanged: "gray",
  error: "red",
};
const FILTERS = [
  ["all", "All rows"],
  ["error", "Errors"],
  ["create", "New"],
  ["update", "Changed"],
  ["unchanged", "Unchanged"],
] as const;

/** SET-3: each row's outcome — errors name the row (as a spreadsheet numbers it) and the column. */
export function OutcomeTable({ answer }: { answer: ImportAnswer }) {
  const [filter, setFilter] = useState<(typeof FILTERS)[number][0]>(answer.counts.error ? "error" : "all");
  const [page, setPage] = useState(0);
  const rows = filter === "all" ? answer.rows : answer.rows.filter((r) => r.outcome === filter);
  const shown = rows.slice(page * PAGE, (page + 1) * PAGE);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="import-filter" className="text-xs font-semibold text-slate-600">
          Show
        </label>
        <select
          id="import-filter"
          value={filter}
          onChange={(e) => (setFilter(e.target.value as typeof filter), setPage(0))}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {FILTERS.map(([v, l]) => (
            <option key={v} value={v}>
              {l} ({v === "all" ? answer.rows.length : answer.counts[v]})
            </option>
          ))}
        </select>
      </div>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label="Rows of the file"
      >
        <table className="cf-table">
          <caption className="sr-only">Rows of the file and what the import does with each</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Outcome</th>
              <th scope="col">Record</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  <Badge tone={TONE[r.outcome]}>{r.outcome}</Badge>
                </td>
                <td className="wrap-break-word">{r.label}</td>
                <td className="text-xs">
                  {r.errors?.map((e, i) => (
                    <div key={i} className="text-red-700">
                      Row {r.row}
                      {e.column ? `, ${e.column}` : ""}: {e.message}
                    </div>
                  ))}
                  {r.changes?.map((c, i) => (
                    <div key={i} className="text-slate-600">
                      {c}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && (
        <div className="flex items-center gap-2 text-sm">
          <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <span>
            Rows {page * PAGE + 1}–{Math.min(rows.length, (page + 1) * PAGE)} of{" "}
            {rows.length.toLocaleString("en")}
          </span>
          <Button disabled={(page + 1) * PAGE >= rows.length} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </div>
      )}
    </div>
  );
}
