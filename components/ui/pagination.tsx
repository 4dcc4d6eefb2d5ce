import Link from "@/components/ui/link";
import { buttonClass } from "./button";

/** Previous / next links that keep the current filters. */
export function Pagination({
  page,
  pageSize,
  total,
  capped = false,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const more = capped ? "+" : "";
  const from = total ? (page - 1) * pageSize + 1 : 0;
  const to = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between gap-3 px-1 py-2 text-sm text-slate-600"
    >
      <span>
        {from.toLocaleString("en")}–{to.toLocaleString("en")} of {total.toLocaleString("en")}
        {more}
      </span>
      <span className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <Unavailable>Previous</Unavailable>
        )}
        <span>
          Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
          {more}
        </span>
        {page < pages || capped ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <Unavailable>Next</Unavailable>
        )}
      </span>
    </nav>
  );
}

/** Previous/Next on the first/last page: a link without a target, announced as unavailable. */
function Unavailable({ children }: { children: string }) {
  return (
    <a role="link" aria-disabled="true" className={buttonClass("secondary", "cursor-default opacity-50")}>
      {children}
    </a>
  );
}
