import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { recordPath } from "@/lib/domain/records/tables";
import { Linkified } from "./linkify";

type Entry = {
  id: number; kind: string; body: string; authorName: string; createdAt: Date;
  sourceTable: string | null; sourceNumber: string | null; ruleName: string | null;
};

/**
 * JRN-2: work notes and additional comments as one timeline, newest first. `hiddenSources`
 * lists record tables the viewer cannot open: their entries name the record without a link.
 */
export function JournalTimeline({ entries, total, hiddenSources = [] }: { entries: Entry[]; total: number; hiddenSources?: string[] }) {
  if (!entries.length) return <p className="py-4 text-center text-sm text-slate-500">No work notes or comments yet.</p>;
  return (
    <div>
      <ol className="space-y-3" aria-label="Activity">
        {entries.map((e) => {
          const work = e.kind === "work_notes";
          const sourceHref = e.sourceTable && e.sourceNumber && !hiddenSources.includes(e.sourceTable) ? recordPath(e.sourceTable, e.sourceNumber) : null;
          return (
            <li key={e.id} data-kind={e.kind} className={`rounded-md border-l-4 px-3 py-2 ${work ? "border-amber-300 bg-amber-50/60" : "border-sky-300 bg-sky-50/60"}`}>
              <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                <span className="font-semibold text-slate-800">{e.authorName}</span>
                <Badge tone={work ? "amber" : "blue"}>{work ? "Work notes" : "Additional comments"}</Badge>
                <Time value={e.createdAt} />
                {e.sourceNumber && (
                  <span className="text-slate-500">
                    from{" "}
                    {sourceHref ? <Link href={sourceHref} className="font-medium text-brand-700 hover:underline">{e.sourceNumber}</Link> : e.sourceNumber}
                    {e.ruleName && <> · {e.ruleName}</>}
                  </span>
                )}
              </div>
              <p className="text-sm whitespace-pre-wrap break-words text-slate-900"><Linkified text={e.body} /></p>
            </li>
          );
        })}
      </ol>
      {total > entries.length && <p className="mt-3 text-center text-xs text-slate-500">Showing the newest {entries.length} of {total.toLocaleString("en")} entries.</p>}
    </div>
  );
}
