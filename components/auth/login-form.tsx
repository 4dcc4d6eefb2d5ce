"use client";
import { useActionState } from "react";
import { login, type LoginState } from "@/app/login/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

/** `next`: where a successful sign-in goes (checked again by the action: lib/domain/auth/return-to.ts). */
export function LoginForm({ next }: { next?: string | null }) {
  const [state, action] = useActionState<LoginState, FormData>(login, { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      <Notice result={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        required
        autoFocus
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pendingText="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
