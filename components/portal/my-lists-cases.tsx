import Link from "@/components/ui/link";
import type { ReactNode } from "react";

export type MyCaseRow = { number: string; state: string; shortDescription: string };

/** POR-5: the user's open cases, each a link to its portal page; rows that read on a phone. */
export function MyListsCases({ rows, footer }: { rows: MyCaseRow[]; footer?: ReactNode }) {
  if (!rows.length) return <p className="text-sm text-slate-600">You have no open cases.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {rows.map((r) => (
          <li key={r.number} className="px-3 py-2 text-sm">
            <p className="flex flex-wrap items-baseline gap-x-3">
              <Link className="cf-link font-medium" href={`/portal/cases/${r.number}`}>
                {r.number}
              </Link>
              <span className="text-slate-600">{r.state}</span>
            </p>
            <p className="break-words text-slate-800">{r.shortDescription}</p>
          </li>
        ))}
      </ul>
      {footer}
    </>
  );
}
