import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import type { JournalItem } from "@/lib/domain/journal/live";
import { Linkified } from "./linkify";
import { cx } from "@/components/ui/cx";

/**
 * JRN-2: work notes and additional comments as one timeline, newest first, each with author,
 * time, kind and — for sync entries — the record that caused it (a link only when the reader may
 * open it). `fresh` entries arrived while the page was open and carry a subtle highlight.
 */
export function JournalTimeline({
  entries,
  fresh = new Set(),
  emptyText = "No work notes or comments yet.",
}: {
  entries: JournalItem[];
  fresh?: ReadonlySet<number>;
  /** What an empty timeline says (the portal's readers have no work notes). */
  emptyText?: string;
}) {
  if (!entries.length) return <p className="py-4 text-center text-sm text-slate-600">{emptyText}</p>;
  return (
    <ol className="space-y-3" aria-label="Activity">
      {entries.map((e) => {
        const work = e.kind === "work_notes";
        const isNew = fresh.has(e.id);
        return (
          <li
            key={e.id}
            data-kind={e.kind}
            data-new={isNew || undefined}
            className={cx(
              "rounded-md border-l-4 px-3 py-2",
              work ? "border-amber-300 bg-amber-50/60" : "border-sky-300 bg-sky-50/60",
              isNew && "ring-2 ring-brand-100",
            )}
          >
            <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
              <span className="font-semibold text-slate-800">{e.authorName}</span>
              <Badge tone={work ? "amber" : "blue"}>{work ? "Work notes" : "Additional comments"}</Badge>
              <time dateTime={e.createdAt}>{e.at}</time>
              {e.sourceNumber && (
                <span className="text-slate-600">
                  from{" "}
                  {e.sourceHref ? (
                    <Link href={e.sourceHref} className="font-medium text-brand-700 hover:underline">
                      {e.sourceNumber}
                    </Link>
                  ) : (
                    e.sourceNumber
                  )}
                  {e.ruleName && <> · {e.ruleName}</>}
                </span>
              )}
              {isNew && <span className="font-semibold text-brand-700">New</span>}
            </div>
            <p className="text-sm whitespace-pre-wrap break-words text-slate-900">
              <Linkified text={e.body} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
