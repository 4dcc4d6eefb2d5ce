import Link from "@/components/ui/link";
import { pageRange } from "@/lib/domain/paging";
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
  const { pages, from, to, previous, next } = pageRange(page, pageSize, total, capped);
  const more = capped ? "+" : "";
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between gap-3 px-1 py-2 text-sm text-slate-600"
    >
      <span>
        {from ? `${from.toLocaleString("en")}–${to.toLocaleString("en")}` : "0"} of{" "}
        {total.toLocaleString("en")}
        {more}
      </span>
      <span className="flex items-center gap-2">
        {previous ? (
          <Link className={buttonClass("secondary")} href={hrefFor(previous)} rel="prev">
            Previous
          </Link>
        ) : (
          <Unavailable>Previous</Unavailable>
        )}
        <span>
          Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
          {more}
        </span>
        {next ? (
          <Link className={buttonClass("secondary")} href={hrefFor(next)} rel="next">
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
