"use client";

/**
 * A titled panel. A client component although it has no state (PERF-8): its frame is markup every
 * page repeats several times, and a server component's markup travels in the page's RSC payload
 * (serialized, parsed back, then rendered to HTML); a client component's only as its props.
 */
export function Section({
  title,
  actions,
  children,
  className = "",
  id,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      id={id}
      className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold text-slate-800">
          {title}
        </h2>
        {actions}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
