import "server-only";
import type { ActionFailure, FailureKind } from "@/lib/domain/action-result";
import { DomainError } from "@/lib/domain/errors";
import { currentRequestId } from "./ops/request-user";

const GENERIC =
  "Something went wrong and nothing was saved. Try again; if it keeps happening, tell your administrator.";

function prismaCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * The one place errors become what a person sees: expected domain errors keep their message
 * and field; anything else is logged with its stack and shown as a generic message.
 */
export function toFailure(e: unknown, context = "action"): ActionFailure {
  if (e instanceof DomainError) {
    const fieldErrors = e.fields ?? (e.field ? { [e.field]: e.message } : undefined);
    return { ok: false, kind: e.kind, message: e.message, fieldErrors };
  }
  switch (prismaCode(e)) {
    case "P2010": // a raw statement (the import's bulk inserts) hit a unique key
      if (!/\b23505\b|UNIQUE constraint failed/i.test(String((e as Error).message))) break;
    // falls through
    case "P2002":
      return {
        ok: false,
        kind: "conflict",
        message: "That record already exists (someone may have just created it). Reload and check.",
      };
    case "P2025":
      return {
        ok: false,
        kind: "not_found",
        message: "The record was not found; it may have been removed. Reload the page.",
      };
    case "P2003":
      return {
        ok: false,
        kind: "invalid",
        message: "A referenced record does not exist. Pick it again from the list.",
      };
    case "P2029": // more bound values than the database takes in one statement (32,766)
      return {
        ok: false,
        kind: "invalid",
        message: "The request names more records than can be read at once. Narrow it with a filter.",
      };
  }
  // OPS-3: the request's id, so the stack can be matched to its request's log line and X-Request-Id.
  const reqId = currentRequestId();
  console.error(`[caseflow] unexpected error in ${context}${reqId ? ` (request ${reqId})` : ""}:`, e);
  return { ok: false, kind: "unexpected", message: GENERIC };
}

/** Prisma's "Unable to start a transaction in the given time" (P2028): no connection came free; nothing ran. */
export function isPoolBusy(e: unknown): boolean {
  return (
    prismaCode(e) === "P2028" && /start a transaction/i.test(String((e as { message?: unknown }).message))
  );
}

/** What kind of unexpected error this is, for a record that must not hold its text: a Prisma code or the class. */
export function errorKind(e: unknown): string {
  const code = prismaCode(e);
  if (code) return `Database error ${code}`;
  return e instanceof Error ? e.name || "Error" : typeof e;
}

/** HTTP status for a failure (route handlers). */
export function statusOf(f: ActionFailure): number {
  const status: Record<FailureKind, number> = {
    invalid: 400,
    unauthenticated: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    confirm: 409,
    too_large: 413,
    unexpected: 500,
  };
  return status[f.kind];
}
