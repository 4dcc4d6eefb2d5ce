"use client";
import Link from "next/link";
import type { Tone } from "@/components/ui/badge";

/**
 * One row of the case list, already formatted on the server. The table is a client component
 * so the page's RSC payload carries this compact data rather than the whole element tree —
 * about half the server work of a list page (measured for PERF-1).
 */
export type CaseRowView = {
  id: number; number: string; shortDescription: string; major: boolean;
  state: string; stateTone: Tone; priority: string; priorityTone: Tone;
  account: string | null; contact: string | null; assignedTo: string | null; updatedIso: string; updatedText: string;
};

export type SortLink = { key: string; label: string; href: string | null; sort: "ascending" | "descending" | null };

export function CaseTable({ rows, columns }: { rows: CaseRowView[]; columns: SortLink[] }) {
  if (!rows.length) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">No cases match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="cf-table">
        <caption className="sr-only">Cases</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" aria-sort={c.sort ?? undefined}>
                {c.href ? <Link href={c.href} className="hover:text-slate-900">{c.label}{c.sort === "descending" ? " ↓" : c.sort === "ascending" ? " ↑" : ""}</Link> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="cf-nowrap"><Link className="cf-link" href={`/cases/${r.number}`} prefetch={false}>{r.number}</Link></td>
              <td className="cf-clip">{r.shortDescription}{r.major && <> <span className="cf-badge violet">Major</span></>}</td>
              <td><span className={`cf-badge ${r.stateTone}`}>{r.state}</span></td>
              <td className="cf-nowrap"><span className={`cf-badge ${r.priorityTone}`}>{r.priority}</span></td>
              <td>{r.account ?? "—"}</td>
              <td>{r.contact ?? "—"}</td>
              <td>{r.assignedTo ?? <span className="cf-muted">Unassigned</span>}</td>
              <td className="cf-nowrap"><time dateTime={r.updatedIso}>{r.updatedText}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
