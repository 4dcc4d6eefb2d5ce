"use client";
import { useEffect, useRef, useState } from "react";
import { createApiTokenAction } from "@/app/(workspace)/admin/api-tokens/actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { Button } from "@/components/ui/button";
import { controlClass, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** The new token, in a read-only field with a Copy button: it is never shown again. */
function NewToken({ token, onDone }: { token: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  // Focus lands on the token, so its label and "copy it now" note are read out.
  useEffect(() => input.current?.focus(), []);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the text is selected for Ctrl+C
    }
  };
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="new-token" className="text-sm font-semibold text-amber-900">
        New API token
      </label>
      <p id="new-token-note" className="text-sm text-amber-900">
        Copy it now: it will not be shown again. Only its hash is stored.
      </p>
      <div className="flex gap-2">
        <input
          ref={input}
          id="new-token"
          readOnly
          value={token}
          aria-describedby="new-token-note"
          onFocus={(e) => e.currentTarget.select()}
          className={controlClass() + " font-mono"}
        />
        <Button onClick={() => void copy()}>Copy</Button>
        <Button onClick={onDone}>Done</Button>
      </div>
      <p role="status" className="text-sm text-amber-900">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}

/** ADM-4: a token for an active user (name + user); the answer carries the token once. */
export function NewTokenForm({ users }: { users: RefOption[] | null }) {
  // The token on screen stays until the admin says Done; meanwhile no second token can be made
  // (a second click would otherwise make another live token and hide the first, never seen).
  const [shown, setShown] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { result, pending, onSubmit, fieldError, formAction } = useActionForm(createApiTokenAction, (r) => {
    const token = r.ok ? (r.data as { token?: string } | undefined)?.token : undefined;
    if (token) setShown(token);
    form.current?.reset();
  });
  return (
    <div className="space-y-3">
      <form
        action={formAction}
        ref={form}
        onSubmit={(e) => (shown ? e.preventDefault() : onSubmit(e))}
        className="space-y-3"
        noValidate
      >
        <Notice result={result && (result.ok || !result.fieldErrors) ? result : null} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Token name" name="name" required autoComplete="off" error={fieldError("name")} />
          <ReferenceField
            label="User"
            name="userId"
            kind="activeUsers"
            value={null}
            options={users}
            error={fieldError("userId")}
          />
        </div>
        <SubmitButton pending={pending || !!shown} pendingText={shown ? "Create token" : "Creating…"}>
          Create token
        </SubmitButton>
      </form>
      {shown && <NewToken key={shown} token={shown} onDone={() => setShown(null)} />}
    </div>
  );
}
