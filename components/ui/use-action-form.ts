"use client";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/server/errors";

export type FormAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Submits a form to a server action without React's automatic form reset, so a refused save
 * keeps what the person typed, and text typed while a post is in flight is not wiped.
 * `pending` disables the submit button: one click, one request.
 */
export function useActionForm(action: FormAction, onSuccess?: (result: ActionResult) => void) {
  const success = useRef(onSuccess);
  success.current = onSuccess;
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (prev, data) => {
    const r = await action(prev, data);
    if (r.ok) success.current?.(r);
    return r;
  }, null);
  const last = useRef<FormData | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    last.current = data;
    startTransition(() => dispatch(data));
  };
  /** Sends the last submission again with extra fields (e.g. the confirmation a save asked for). */
  const resubmit = (extra: Record<string, string>) => {
    if (!last.current || pending) return;
    const data = new FormData();
    for (const [k, v] of last.current.entries()) data.append(k, v);
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    startTransition(() => dispatch(data));
  };
  const fieldError = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  /** The save asked for a confirmation first (MAJ-5) and nothing was saved yet. */
  const needsConfirmation = result && !result.ok && result.kind === "confirm" ? result.message : null;
  return { result, pending, onSubmit, fieldError, resubmit, needsConfirmation };
}
