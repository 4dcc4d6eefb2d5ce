import "server-only";

// OPS-3: the request's log line names its user. scripts/server.mjs runs each request inside an
// AsyncLocalStorage context (scripts/ops/request-log.mjs); whoever identifies the user notes it here.

type RequestContext = { reqId?: string; userId?: number };
const holder = globalThis as { __caseflowRequestContext?: { getStore(): RequestContext | undefined } };

export function noteRequestUser(id: number) {
  const ctx = holder.__caseflowRequestContext?.getStore();
  if (ctx) ctx.userId = id;
}

/** The request's id (its X-Request-Id and log line's reqId), for an error line to name; undefined outside one. */
export const currentRequestId = (): string | undefined => holder.__caseflowRequestContext?.getStore()?.reqId;
