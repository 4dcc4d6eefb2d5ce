/** A page's title with a line saying what the page is for. */
export function PageHeader({
  title,
  children,
  actions,
}: {
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-lg font-semibold">{title}</h1>
        {children && <p className="text-sm text-slate-600">{children}</p>}
      </div>
      {actions}
    </div>
  );
}
