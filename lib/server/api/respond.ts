import "server-only";
import { DomainError } from "@/lib/domain/errors";
import { toFailure, statusOf } from "../errors";
import { BodyTooLargeError } from "../read-body";
import { ApiAuthError } from "./auth";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** API-1: `{"result": …}` with the given status and headers. */
export function result(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ result: body }), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** API-3: ServiceNow's error shape, `{"error": {"message", "detail"}, "status": "failure"}`. */
export function failure(status: number, message: string, detail = "", headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ error: { message, detail }, status: "failure" }), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });
}

/**
 * Any error as the API answers it: authentication 401/429, domain errors 400/403/404/409 with
 * their message (naming the field), a body past its limit 413 (REL-8), a confirmation the API
 * cannot give 409; anything else is logged and answered with a generic 500 — never a stack trace.
 */
export function errorResponse(e: unknown): Response {
  if (e instanceof ApiAuthError) {
    const retry: Record<string, string> = e.retryAfterSeconds
      ? { "retry-after": String(e.retryAfterSeconds) }
      : {};
    const auth: Record<string, string> =
      e.status === 401 ? { "www-authenticate": 'Basic realm="Caseflow"' } : {};
    return failure(e.status, e.message, "Required to provide Auth information", { ...retry, ...auth });
  }
  if (e instanceof BodyTooLargeError) return failure(413, e.message, "Field: body");
  const f = toFailure(e, "Table API");
  const field = e instanceof DomainError ? (e.field ?? "") : "";
  const status = statusOf(f);
  // The detail names each field as the client wrote it (`short_description: …`).
  const detail = f.fieldErrors
    ? Object.entries(f.fieldErrors)
        .map(([name, message]) => (message.startsWith(`${name}: `) ? message : `${name}: ${message}`))
        .join(" ")
    : field
      ? `Field: ${field}`
      : "";
  // MAJ-5: the API's answer to the UI's confirmation dialog.
  const message =
    f.kind === "confirm"
      ? `${f.message} To go ahead, send the request again with sysparm_confirm_children=true.`
      : f.message;
  return failure(status, message, detail);
}
