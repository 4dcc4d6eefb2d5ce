"use client";
import { useEffect, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { useDialogSending } from "./modal";
import { Notice, refusedBeside } from "./notice";
import { SubmitButton } from "./submit-button";
import { useActionForm, type FormAction } from "./use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * The form inside a dialog: an optional intro, the fields (given the field errors), Dismiss and
 * the submit button. A refusal shows under the field it names when the dialog shows that field's
 * error (`fields`), else above the fields (no field, or one the dialog has no input for: "This case
 * already has a change request" named the case's slot, and was never seen); a confirmation, with no fields
 * to show one under (`confirmation`), shows every refusal above — a case state that moved meanwhile.
 * Success calls onDone. While the action runs, Dismiss waits for it, and so does Escape (it tells
 * the Modal, ui/modal.tsx; `onPendingChange` tells the caller too): a dialog closed mid-send could
 * be opened afresh and sent again, and the first answer landed on the new one.
 */
export function DialogForm({
  action,
  onDone,
  onCancel,
  intro,
  submit,
  pendingText,
  variant,
  confirmation = false,
  fields,
  onPendingChange,
  children,
}: {
  action: FormAction;
  onDone: (result: ActionResult) => void;
  onCancel: () => void;
  intro?: string;
  submit: string;
  pendingText: string;
  variant?: ButtonVariant;
  confirmation?: boolean;
  /**
   * The fields the dialog shows an error under: a refusal naming another (the case's slot, taken
   * meanwhile) shows above. Without the list, a refusal naming any field is left to the fields.
   */
  fields?: readonly string[];
  onPendingChange?: (pending: boolean) => void;
  children: (fieldError: (field: string) => string | undefined) => ReactNode;
}) {
  const { result, pending, onSubmit, fieldError, formAction } = useActionForm(action, onDone);

  const dialogSending = useDialogSending();
  useEffect(() => {
    onPendingChange?.(pending);
    dialogSending?.(pending);
    // Unmounted mid-send (the answer replaces the form): nothing is pending any more.
    return () => {
      onPendingChange?.(false);
      dialogSending?.(false);
    };
  }, [pending, onPendingChange, dialogSending]);
  return (
    <form
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
      {result &&
        !result.ok &&
        (confirmation || refusedBeside(result, fields ?? Object.keys(result.fieldErrors ?? {}))) && (
          <Notice result={result} />
        )}
      {intro && <p className="text-sm text-slate-600">{intro}</p>}
      {children(fieldError)}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={pending}>
          Dismiss
        </Button>
        <SubmitButton pending={pending} variant={variant} pendingText={pendingText}>
          {submit}
        </SubmitButton>
      </div>
    </form>
  );
}
