// What a server action answers (lib/server/auth/action.ts) and what forms show
// (components/ui/notice.tsx). Shared by the server and the UI, so it lives with the pure rules.
import type { DomainErrorKind } from "./errors";

/**
 * Why an action failed: a domain error's kind (lib/domain/errors.ts), "unexpected" for anything
 * else (logged on the server, a generic message shown), "too_large" for a form the browser could
 * not send (components/ui/use-action-form.ts).
 */
export type FailureKind = DomainErrorKind | "unexpected" | "too_large";

export type ActionFailure = {
  ok: false;
  kind: FailureKind;
  message: string;
  fieldErrors?: Record<string, string>;
};
export type ActionSuccess<T> = { ok: true; message?: string; data: T };
export type ActionResult<T = unknown> = ActionSuccess<T> | ActionFailure;
