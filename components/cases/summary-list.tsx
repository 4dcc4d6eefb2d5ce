"use client";

/** A label and its text; `iso` makes the text a <time>. */
export type SummaryEntry = { label: string; text: string; iso?: string };

/** Label/value pairs drawn from data (PERF-8: see components/ui/section.tsx). */
export function SummaryList({ entries }: { entries: SummaryEntry[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
      {entries.map((e) => (
        <div key={e.label} className="contents">
          <dt className="text-slate-500">{e.label}</dt>
          <dd className="text-right text-slate-800">
            {e.iso ? <time dateTime={e.iso}>{e.text}</time> : e.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}
