// What a server action answers (lib/server/action.ts) and what forms show (components/ui/notice.tsx).
// Shared by the server and the UI, so it lives with the pure rules.
export type ActionFailure = {
  ok: false;
  kind: string;
  message: string;
  fieldErrors?: Record<string, string>;
};
export type ActionSuccess<T> = { ok: true; message?: string; data?: T };
export type ActionResult<T = unknown> = ActionSuccess<T> | ActionFailure;
