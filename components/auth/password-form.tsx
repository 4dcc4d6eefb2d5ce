"use client";
import { useRef } from "react";
import { changePasswordAction } from "@/app/account/password/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { PASSWORD_MIN } from "@/lib/domain/auth/password";

/** Change password (REL-5): the fields are emptied after a successful change. */
export function PasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(changePasswordAction, () => formRef.current?.reset());
  return (
    <form ref={formRef} {...formProps} className="space-y-4" noValidate>
      {(!result || result.ok || !result.fieldErrors) && <Notice result={result} />}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={err("currentPassword")}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        required
        error={err("newPassword")}
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <SubmitButton pending={pending} pendingText="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
