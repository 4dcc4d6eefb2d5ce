import Link from "@/components/ui/link";
import { Badge, stateTone } from "@/components/ui/badge";
import { controlClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/query-string";

type Row = { id: number; number: string; shortDescription: string; state: string; updatedAt: Date };

/** More columns after Short description (the work order list's Priority, Case, Account). */
export type Column<R> = { header: string; cell: (row: R) => React.ReactNode };

/** The list page of problems, changes, requests and work orders: search, newest activity first, paged. */
export function RecordList<R extends Row>({
  title,
  path,
  rows,
  total,
  page,
  pageSize,
  q,
  states,
  columns = [],
}: {
  title: string;
  path: string;
  rows: R[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  /** A State filter: the chosen value and the choices ("" = all). */
  states?: { value: string; options: { value: string; label: string }[] };
  columns?: Column<R>[];
}) {
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">{title}</h1>
      <form
        method="get"
        role="search"
        aria-label={`Search ${title.toLowerCase()}`}
        className="flex items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      >
        <label className="flex flex-1 flex-col gap-1 text-xs font-semibold text-slate-600">
          Search
          <input
            name="q"
            type="text" /* the header's Search is the page's one searchbox (WRK-5) */
            maxLength={100}
            defaultValue={q}
            placeholder="Number or short description"
            className={controlClass()}
          />
        </label>
        {states && (
          <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
            State
            <select name="state" defaultValue={states.value} className={controlClass()}>
              {states.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
          Nothing here yet.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="cf-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Short description</th>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
                <th scope="col">State</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="cf-nowrap">
                    <Link className="cf-link" href={`${path}${r.number}`}>
                      {r.number}
                    </Link>
                  </td>
                  <td className="cf-clip">{r.shortDescription}</td>
                  {columns.map((c) => (
                    <td key={c.header} className="cf-nowrap">
                      {c.cell(r)}
                    </td>
                  ))}
                  <td>
                    <Badge tone={stateTone(r.state)}>{r.state}</Badge>
                  </td>
                  <td className="cf-nowrap">
                    <Time value={r.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        hrefFor={(p) => hrefWith(path.slice(0, -1), { q, state: states?.value, page: p })}
      />
    </div>
  );
}
