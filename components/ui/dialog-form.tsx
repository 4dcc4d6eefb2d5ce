"use client";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { Notice } from "./notice";
import { SubmitButton } from "./submit-button";
import { useActionForm, type FormAction } from "./use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * The form inside a dialog: an optional intro, the fields (given the field errors), Dismiss and
 * the submit button. A refusal shows above the fields unless a field shows it (marked invalid): a
 * confirmation without fields still says why it was refused (a case state that moved meanwhile,
 * say). Success calls onDone.
 */
export function DialogForm({
  action,
  onDone,
  onCancel,
  intro,
  submit,
  pendingText,
  variant,
  children,
}: {
  action: FormAction;
  onDone: (result: ActionResult) => void;
  onCancel: () => void;
  intro?: string;
  submit: string;
  pendingText: string;
  variant?: ButtonVariant;
  children: (fieldError: (field: string) => string | undefined) => ReactNode;
}) {
  const { result, pending, onSubmit, fieldError, formAction } = useActionForm(action, onDone);
  // Whether some field of the dialog shows the refusal, read from the rendered form: the fields
  // may be components of their own, so what they show is known only once they have rendered.
  const form = useRef<HTMLFormElement>(null);
  const [shownByField, setShownByField] = useState(false);
  useLayoutEffect(() => {
    setShownByField(!!form.current?.querySelector('[aria-invalid="true"]'));
  }, [result]);
  const above = result && !result.ok && !(result.fieldErrors && shownByField);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(e) => {
        // React's events bubble through portals: a dialog opened from inside another form (the case
        // form's New contact) must not submit that form too.
        e.stopPropagation();
        onSubmit(e);
      }}
      className="space-y-4"
      noValidate
    >
      {above && <Notice result={result} />}
      {intro && <p className="text-sm text-slate-600">{intro}</p>}
      {children(fieldError)}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Dismiss</Button>
        <SubmitButton pending={pending} variant={variant} pendingText={pendingText}>
          {submit}
        </SubmitButton>
      </div>
    </form>
  );
}
