import Link from "@/components/ui/link";
import { cx } from "@/components/ui/cx";
import { hrefWith } from "@/lib/query-string";

/**
 * The status filter of the admin message lists (/admin/outbox, /admin/inbox): "All" and one tab
 * per status, each with its count; the current one is marked for assistive technology.
 */
export function StatusTabs({
  label,
  path,
  statuses,
  counts,
  current,
  labels = {},
}: {
  label: string;
  path: string;
  statuses: readonly string[];
  counts: Record<string, number>;
  current: string | null;
  /** A tab's label when it is not its status capitalised (NOT-3: held → Unknown sender). */
  labels?: Record<string, string>;
}) {
  const tabs = [
    { key: null, label: "All", n: statuses.reduce((a, s) => a + (counts[s] ?? 0), 0) },
    ...statuses.map((s) => ({
      key: s,
      label: labels[s] ?? s[0].toUpperCase() + s.slice(1),
      n: counts[s] ?? 0,
    })),
  ];
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {tabs.map((t) => (
        <Link
          key={t.label}
          href={hrefWith(path, { status: t.key })}
          aria-current={current === t.key ? "page" : undefined}
          className={cx(
            "rounded-full px-3 py-1 text-sm",
            current === t.key
              ? "bg-brand-600 text-white"
              : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50",
          )}
        >
          {/* A count as readable as its label (a faded count failed WCAG contrast on both tab styles). */}
          {t.label} <span className={current === t.key ? "text-brand-50" : "text-slate-500"}>{t.n}</span>
        </Link>
      ))}
    </nav>
  );
}
