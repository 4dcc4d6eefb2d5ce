/**
 * True while React renders on the server (Next replaces `typeof window` at build time, so each
 * bundle keeps one branch). PERF-8: the live queries (timeline polling, older pages, My work
 * counts) are for the browser; on the server they would only build a React Query observer per
 * request to return their seed. Their server variants return the same first value without one, so
 * the first client render — the query's seeded or pending state — draws the same markup.
 */
export const onServer = typeof window === "undefined";

/** Stands for a query's refetch on the server, where nothing can call it (no events run there). */
export const noFetchOnServer = (): Promise<never> =>
  Promise.reject(new Error("queries do not fetch while rendering on the server"));
