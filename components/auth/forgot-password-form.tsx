"use client";
import { requestResetAction } from "@/app/forgot-password/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** SET-4: the email to send a reset link to; the answer is the same whatever it is. */
export function ForgotPasswordForm() {
  const { result, pending, onSubmit, formAction, fieldError: err } = useActionForm(requestResetAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Notice result={result && (result.ok || !result.fieldErrors) ? result : null} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        error={err("email")}
      />
      <SubmitButton pending={pending} pendingText="Sending…" className="w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}
