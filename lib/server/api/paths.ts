import "server-only";
import { MAX_OFFSET } from "@/lib/domain/api/params";

export type ApiPath = { table: string; sysId?: string };

/** table/<t>[/<id>], v1/table/…, v2/table/… (API-5); anything else is not a Table API path. */
export function apiPath(segments: string[]): ApiPath | null {
  const rest = segments[0] === "v1" || segments[0] === "v2" ? segments.slice(1) : segments;
  if (rest[0] !== "table" || rest.length < 2 || rest.length > 3) return null;
  return { table: rest[1], sysId: rest[2] };
}

/**
 * API-1: ServiceNow's paging links — first, prev, next, last — on the request's own URL with
 * sysparm_offset moved (and sysparm_limit made explicit).
 */
export function pageLinks(
  url: string,
  search: URLSearchParams,
  page: { total: number; limit: number; offset: number },
): string | null {
  const { total, limit, offset } = page;
  if (limit <= 0) return null;
  const at = (o: number) => {
    const p = new URLSearchParams(search);
    p.set("sysparm_limit", String(limit));
    p.set("sysparm_offset", String(o));
    return `<${url}?${p.toString()}>`;
  };
  // No link past the largest offset a request may give (API-1: a 400 there).
  const last = Math.min(Math.max(0, Math.floor((total - 1) / limit) * limit), MAX_OFFSET);
  const links = [`${at(0)};rel="first"`];
  if (offset > 0) links.push(`${at(Math.max(0, offset - limit))};rel="prev"`);
  if (offset + limit < total && offset + limit <= MAX_OFFSET) links.push(`${at(offset + limit)};rel="next"`);
  links.push(`${at(last)};rel="last"`);
  return links.join(",");
}
