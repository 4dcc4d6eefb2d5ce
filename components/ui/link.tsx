import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every workspace and portal page is dynamic (per user, per request). Next's default prefetches
 * each link that scrolls into view by rendering its page on the server: a case list of 25 rows
 * cost 35 requests and ~450 ms of server CPU per view, almost all of it for pages nobody opened.
 * Links here prefetch only when asked (`prefetch`); a click fetches the page then (PERF-8).
 * ESLint keeps `next/link` out of the rest of the code so the default cannot come back.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
export default Link;
