"use client";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/server/errors";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Submits a form to a server action without React's automatic form reset, so a refused save
 * keeps what the person typed, and text typed while a post is in flight is not wiped.
 * `pending` disables the submit button: one click, one request.
 */
export function useActionForm(action: Action, onSuccess?: (result: ActionResult) => void) {
  const success = useRef(onSuccess);
  success.current = onSuccess;
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (prev, data) => {
    const r = await action(prev, data);
    if (r.ok) success.current?.(r);
    return r;
  }, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  const fieldError = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  return { result, pending, onSubmit, fieldError };
}
