import type { ReactNode } from "react";
import { Pagination } from "@/components/ui/pagination";

/**
 * A list of an admin page (outbox, inbox, users, API tokens): a captioned table with its column
 * headers — focusable, since on a narrow screen it scrolls sideways and keyboard users must reach
 * it — or the `empty` text; then Previous / Next.
 */
export function AdminTable({
  label,
  columns,
  empty,
  list,
  pageSize,
  hrefFor,
  children,
}: {
  label: string;
  columns: readonly string[];
  empty: string;
  /** The page of the list as its service answers it: its rows, page number and total. */
  list: { rows: readonly unknown[]; page: number; total: number };
  pageSize: number;
  hrefFor: (page: number) => string;
  children: ReactNode;
}) {
  return (
    <>
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
          {empty}
        </p>
      ) : (
        <div
          tabIndex={0}
          role="region"
          aria-label={label}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <table className="cf-table">
            <caption className="sr-only">{label}</caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageSize={pageSize} total={list.total} hrefFor={hrefFor} />
    </>
  );
}
