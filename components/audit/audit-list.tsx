"use client";
import { AUDIT_SHOWN } from "@/lib/domain/paging";

/** One history line with its time already written by the server (lib/domain/time-format.ts). */
export type AuditListRow = {
  id: number;
  userName: string;
  label: string;
  oldText: string;
  newText: string;
  iso: string;
  at: string;
};

/** REC-5's list, drawn from data in the browser's bundle (PERF-8: see components/ui/section.tsx). */
export function AuditList({ rows }: { rows: AuditListRow[] }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No changes recorded yet.</p>;
  return (
    <>
      {/* REC-5: the list is bounded; say so rather than let older changes vanish without a word. */}
      {rows.length >= AUDIT_SHOWN && (
        <p className="mb-2 text-xs text-slate-500">
          Showing the newest {AUDIT_SHOWN} changes; older ones are not listed here.
        </p>
      )}
      <ol className="space-y-2 text-xs" aria-label="History">
        {rows.map((r) => (
          <li key={r.id} className="border-b border-slate-100 pb-2 last:border-0">
            <div className="flex justify-between gap-2 text-slate-500">
              <span className="font-medium text-slate-700">{r.userName}</span>
              <time dateTime={r.iso}>{r.at}</time>
            </div>
            <div className="mt-0.5 break-words text-slate-700">
              <span className="font-semibold text-slate-600">{r.label}</span>:{" "}
              <span className="text-slate-500">{r.oldText}</span> →{" "}
              <span className="font-medium text-slate-900">{r.newText}</span>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
