"use client";
import { useState } from "react";
import { inviteUserAction } from "@/app/(workspace)/admin/invite/actions";
import { RowOutcome } from "@/components/admin/row-outcome";
import { newRequestKey } from "@/lib/request-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * SET-4: Invite on a person's row — emails them a one-time link to set their password (7 days); for
 * someone who can sign in already it reads "Invite again" (the link lets them choose a new password).
 * Each click carries a key (a retry sends one email); a new key is made after each answer.
 */
export function InviteButton({ userId, hasPassword }: { userId: number; hasPassword: boolean }) {
  const [key, setKey] = useState(newRequestKey);
  const { result, pending, formProps } = useActionForm(inviteUserAction, () => setKey(newRequestKey()));
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="requestKey" value={key} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Inviting…">
        {hasPassword ? "Invite again" : "Invite"}
      </SubmitButton>
      <RowOutcome result={result} />
    </form>
  );
}
