"use client";
import { unstable_rethrow } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionFailure, ActionResult } from "@/lib/domain/action-result";
import { FORM_TOO_LARGE_MESSAGE } from "@/lib/domain/request-limits";

export type FormAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

const NOT_SENT = "The form could not be sent. Check your connection and try again; nothing was saved.";
const OUT_OF_DATE = "This page is out of date. Reload it and try again; nothing was saved.";

/**
 * A call that never reached the action, or whose answer was not an ActionResult (the server
 * refused the request, the network failed), as a failure the form shows — instead of an error
 * that would replace the page. Next's redirects and not-found signals are rethrown.
 */
export function failureOf(error: unknown): ActionFailure {
  unstable_rethrow(error);
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : "";
  if (message === FORM_TOO_LARGE_MESSAGE) return { ok: false, kind: "too_large", message };
  if (name === "UnrecognizedActionError") return { ok: false, kind: "unexpected", message: OUT_OF_DATE };
  return { ok: false, kind: "unexpected", message: NOT_SENT };
}

/**
 * Submits a form to a server action without React's automatic form reset, so a refused save
 * keeps what the person typed, and text typed while a post is in flight is not wiped.
 * `pending` disables the submit button: one click, one request.
 *
 * `formAction`, given to the form's `action` as well as `onSubmit`, makes it work before the
 * page's JavaScript has loaded (a page opened cold from an emailed link): the browser then posts
 * the form to the server action itself and the page comes back with its answer. Without it such a
 * submit would be a plain GET — the fields, passwords included, in the address.
 */
export function useActionForm(action: FormAction, onSuccess?: (result: ActionResult) => void) {
  const success = useRef(onSuccess);
  useEffect(() => {
    success.current = onSuccess;
  });
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (prev, data) => {
    let r: ActionResult;
    try {
      r = await action(prev, data);
    } catch (e) {
      return failureOf(e);
    }
    if (r.ok) success.current?.(r);
    return r;
  }, null);
  // Bound to the server action itself, so React renders it as a real POST target (progressive
  // enhancement); once hydrated, onSubmit takes every submit and this one is never dispatched.
  const [earlyResult, formAction] = useActionState<ActionResult | null, FormData>(action, null);
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
  // MAJ-5: a confirmation dismissed is put away — no dialog, no notice — until an answer comes again
  // (the same question again is a new answer: its dialog opens again).
  const [dismissed, setDismissed] = useState<ActionResult | null>(null);
  const answer = result ?? earlyResult;
  const shown = answer !== null && answer === dismissed ? null : answer;
  const fieldError = (field: string) => (shown && !shown.ok ? shown.fieldErrors?.[field] : undefined);
  /** The save asked for a confirmation first (MAJ-5) and nothing was saved yet. */
  const needsConfirmation = shown && !shown.ok && shown.kind === "confirm" ? shown.message : null;
  /** Puts away the confirmation asked (the person dismissed it): nothing is shown for it any more. */
  const dismissConfirmation = () => setDismissed(answer);
  /** What a form element takes: `<form {...formProps}>` (both handlers, as the comment above says). */
  const formProps = { action: formAction, onSubmit };
  return {
    result: shown,
    pending,
    onSubmit,
    formAction,
    formProps,
    fieldError,
    resubmit,
    needsConfirmation,
    dismissConfirmation,
  };
}
