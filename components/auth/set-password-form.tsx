"use client";
import { setPasswordAction } from "@/app/set-password/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** SET-1, SET-4: New password, Confirm password, Set password — for the user the link names. */
export function SetPasswordForm({
  token,
  email,
  passwordMin,
}: {
  token: string;
  email: string;
  passwordMin: number;
}) {
  const { result, pending, onSubmit, formAction, fieldError: err } = useActionForm(setPasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {result && !result.ok && !result.fieldErrors?.newPassword && !result.fieldErrors?.confirmPassword && (
        <Notice result={result} />
      )}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${passwordMin} characters; not your email address.`}
        required
        autoFocus
        error={err("newPassword")}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <SubmitButton pending={pending} pendingText="Setting password…" className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}
