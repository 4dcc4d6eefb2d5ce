import { Time } from "@/components/ui/time";

export function CaseSummary({
  openedBy,
  createdAt,
  updatedAt,
  resolvedAt,
  closedAt,
}: {
  openedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}) {
  const rows: [string, React.ReactNode][] = [
    ["Opened by", openedBy ?? "—"],
    ["Opened", <Time key="o" value={createdAt} />],
    ["Updated", <Time key="u" value={updatedAt} />],
    ...(resolvedAt ? [["Resolved", <Time key="r" value={resolvedAt} />] as [string, React.ReactNode]] : []),
    ...(closedAt ? [["Closed", <Time key="c" value={closedAt} />] as [string, React.ReactNode]] : []),
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="text-right text-slate-800">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
