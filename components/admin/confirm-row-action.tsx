"use client";
import { useState, type RefObject } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { Modal } from "@/components/ui/modal";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * A row action that takes something away (Deactivate a user, Revoke a token) behind a dialog that
 * says what will happen; the same label confirms it. A refusal shows in the dialog (also one the
 * service pins on a hidden field, e.g. the last administrator). The answer goes to `onDone`, so the
 * row can keep showing it after the row itself changes (Deactivate becomes Reactivate); focus
 * returns to `returnFocus`, which outlives the button.
 */
export function ConfirmRowAction({
  action,
  fields,
  label,
  title,
  intro,
  pendingText,
  onDone,
  returnFocus,
  variant = "danger",
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  title: string;
  intro: string;
  pendingText: string;
  onDone?: (result: ActionResult) => void;
  returnFocus?: RefObject<HTMLElement | null>;
  variant?: ButtonVariant;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={title} returnFocus={returnFocus}>
        <DialogForm
          action={action}
          onDone={(result) => {
            setOpen(false);
            onDone?.(result);
          }}
          onCancel={() => setOpen(false)}
          intro={intro}
          submit={label}
          pendingText={pendingText}
          variant={variant}
        >
          {(fieldError) => (
            <>
              {Object.entries(fields).map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              {Object.keys(fields).map((k) =>
                fieldError(k) ? (
                  <p key={k} role="alert" className="text-sm text-red-700">
                    {fieldError(k)}
                  </p>
                ) : null,
              )}
            </>
          )}
        </DialogForm>
      </Modal>
    </>
  );
}
