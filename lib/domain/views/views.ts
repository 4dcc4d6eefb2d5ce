// WRK-4 saved views: a person's named case-list filters, listed in their navigation.
import { z } from "zod";
import { caseListSchema, type CaseListParams } from "../cases/schemas";
import { plainText, requiredId, requiredLine, withoutControlCharacters } from "../validation";

export const VIEW_NAME_MAX = 60;
export const VIEWS_PER_USER_MAX = 50;
/** Far above any real filter's query string; a longer one is not a case-list filter. */
const QUERY_MAX = 2_000;

/**
 * The case-list filter a view stores: the query read through the list's own schema and written
 * back in its key order — unknown keys and bad values dropped, the page number too (a view opens at
 * page 1). Never arbitrary text: only what the list understands.
 */
export function canonicalCaseQuery(query: string): string {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query.replace(/^\?/, ""))) raw[k] ??= v;
  return caseListQuery(caseListSchema.parse(raw));
}

/**
 * The same, from a filter the list has already read (its `params`): the case list offers its own
 * filter to Save view without reading the query a second time (PERF-8).
 */
export function caseListQuery(params: CaseListParams): string {
  const out = new URLSearchParams();
  for (const key of Object.keys(caseListSchema.shape) as (keyof CaseListParams)[]) {
    if (key === "page") continue;
    const value = params[key];
    const text = value === undefined ? "" : withoutControlCharacters(String(value)).trim();
    if (text) out.set(key, text);
  }
  return out.toString();
}

export const caseViewHref = (query: string, id?: number) => {
  const qs = new URLSearchParams(query);
  if (id) qs.set("view", String(id));
  const s = qs.toString();
  return s ? `/cases?${s}` : "/cases";
};

export const saveViewSchema = z.object({
  name: requiredLine("Name", VIEW_NAME_MAX),
  query: plainText("Filter")
    .max(QUERY_MAX, "The filter is too long to save.")
    .transform(canonicalCaseQuery)
    .default(""),
});
export type SaveViewInput = z.input<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ id: requiredId("View") });
export type DeleteViewInput = z.input<typeof deleteViewSchema>;

/** Two names are the same view name when they differ only in letter case or outer spaces. */
export const sameViewName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");
