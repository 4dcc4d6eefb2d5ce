"use client";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { PersonFields } from "./person-fields";
import { PortalRolesField } from "./portal-roles-field";

/**
 * SET-2: a new contact of an account (with its portal roles) or a new consumer. The form empties
 * after a success (a fresh mount), ready for the next person.
 */
export function NewPersonForm({
  action,
  submit,
  accountId,
  portalRoles,
  defaultRoles = [],
}: {
  action: FormAction;
  submit: string;
  accountId?: number;
  portalRoles?: readonly string[];
  defaultRoles?: readonly string[];
}) {
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<{ ok: boolean; message?: string } | null>(null);
  return (
    <div className="space-y-3">
      <Notice result={done} />
      <PersonForm
        key={round}
        action={action}
        submit={submit}
        accountId={accountId}
        portalRoles={portalRoles}
        defaultRoles={defaultRoles}
        onSuccess={(r) => {
          setDone(r);
          setRound((n) => n + 1);
        }}
        onAttempt={() => setDone(null)}
      />
    </div>
  );
}

function PersonForm({
  action,
  submit,
  accountId,
  portalRoles,
  defaultRoles,
  onSuccess,
  onAttempt,
}: {
  action: FormAction;
  submit: string;
  accountId?: number;
  portalRoles?: readonly string[];
  defaultRoles: readonly string[];
  onSuccess: (r: { ok: boolean; message?: string }) => void;
  onAttempt: () => void;
}) {
  const { result, pending, onSubmit, fieldError: err, formAction } = useActionForm(action, onSuccess);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        onAttempt();
        onSubmit(e);
      }}
      className="space-y-3"
      noValidate
    >
      {result && !result.ok && !result.fieldErrors && <Notice result={result} />}
      {accountId !== undefined && <input type="hidden" name="accountId" value={accountId} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <PersonFields err={err} idPrefix={`new-${accountId ?? "consumer"}`} />
      </div>
      {portalRoles && (
        <PortalRolesField
          roles={portalRoles}
          initial={defaultRoles}
          idPrefix="new-contact"
          error={err("roles")}
        />
      )}
      <SubmitButton pending={pending} pendingText="Adding…">
        {submit}
      </SubmitButton>
    </form>
  );
}
