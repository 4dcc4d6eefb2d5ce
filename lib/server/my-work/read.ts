import "server-only";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import {
  countLabel,
  MY_WORK_COUNT_CAP,
  MY_WORK_QUERIES,
  type MyWorkSection,
} from "@/lib/domain/assignment/my-work";
import { hrefWith } from "@/lib/query-string";
import { countCases, listCases } from "../cases/list";

/** WRK-2: rows shown per section; "View all" opens the same filter in the case list. */
const SECTION_ROWS = 10;

/**
 * WRK-2: the three sections of My work. Each is a filter of the case list (lib/server/cases/list.ts),
 * so a section and its "View all" always agree: two statements per section, whatever the data size.
 */
export async function myWork(actor: Actor) {
  if (!canReadCases(actor)) throw forbidden();
  const entries = await Promise.all(
    (Object.keys(MY_WORK_QUERIES) as MyWorkSection[]).map(async (key) => {
      const query = MY_WORK_QUERIES[key];
      const list = await listCases(actor, query, SECTION_ROWS, MY_WORK_COUNT_CAP);
      return [
        key,
        {
          rows: list.rows,
          total: list.total,
          totalText: list.totalCapped ? countLabel(list.total + 1) : String(list.total),
          href: hrefWith("/cases", query),
        },
      ] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<MyWorkSection, (typeof entries)[number][1]>;
}

/** WRK-2: the navigation's counts, polled (app/api/my-work/route.ts): three capped counts. */
export async function myWorkCounts(actor: Actor): Promise<Record<MyWorkSection, string>> {
  if (!canReadCases(actor)) throw forbidden();
  const keys = Object.keys(MY_WORK_QUERIES) as MyWorkSection[];
  const counts = await Promise.all(keys.map((k) => countCases(actor, MY_WORK_QUERIES[k], MY_WORK_COUNT_CAP)));
  return Object.fromEntries(keys.map((k, i) => [k, countLabel(counts[i])])) as Record<MyWorkSection, string>;
}
