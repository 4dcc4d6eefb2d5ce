// What a list's pagination says and links to (WRK-4 and every paged list): "51–100 of 240",
// "Page 2 of 5", Previous and Next. A page after the last — an old link, a typed URL — shows no
// rows: it says so ("0 of 6") and Previous leads to the last page, not to the page before it.

export type PageRange = {
  pages: number;
  /** First and last row shown, 1-based; both 0 when none is. */
  from: number;
  to: number;
  previous: number | null;
  next: number | null;
};

/** `capped`: the count stopped at its cap ("10,000+"), so there may be rows past `total`. */
export function pageRange(page: number, pageSize: number, total: number, capped = false): PageRange {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const past = !capped && page > pages;
  const from = total && !past ? (page - 1) * pageSize + 1 : 0;
  const to = past ? 0 : Math.min(total, page * pageSize);
  return {
    pages,
    from,
    to,
    previous: page > 1 ? (past ? pages : page - 1) : null,
    next: page < pages || capped ? page + 1 : null,
  };
}

/**
 * PERF-1: lists count matches up to this many, then say "10,000+": an exact count of 100,000 rows is
 * a full scan. A text search scans rows to test them, so it stops counting sooner.
 */
export const COUNT_CAP = 10_000;
export const TEXT_COUNT_CAP = 1_000;

/**
 * The cap of a list's count: lower with a word search (`q`), and never below the page after this
 * one (`page`, `pageSize`), as the portal counts. Past the cap a list paged on with "1,001–1,000 of
 * 1,000+" and offered Next for ever, past its last row; counting as far as the page read (which
 * its OFFSET scans anyway) says exactly where the rows end.
 */
export const countCapFor = (q: string | null | undefined, page = 1, pageSize = 0) =>
  Math.max(q ? TEXT_COUNT_CAP : COUNT_CAP, (page + 1) * pageSize);

/** REC-5: a record's history shows its newest 300 changes (and says so when it has more). */
export const AUDIT_SHOWN = 300;
