"use client";
import { useRef, useState } from "react";
import { createUserAction } from "@/app/(workspace)/admin/users/actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { Notice } from "@/components/ui/notice";
import { SelectField, TextField } from "@/components/ui/field";
import { useEarlyValue } from "@/components/ui/early-value";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

type Kind = "internal" | "contact" | "consumer";

/**
 * ADM-3: a new internal user, contact of an account or consumer, with an initial password and a
 * first role of those its kind may hold (the server checks both again). External users get
 * snc_external as well.
 */
export function NewUserForm({
  kinds,
  rolesByKind,
  accounts,
  passwordMin,
}: {
  kinds: readonly { value: Kind; label: string }[];
  rolesByKind: Record<Kind, readonly string[]>;
  accounts: RefOption[] | null;
  passwordMin: number;
}) {
  const [kind, setKind] = useState<Kind>("internal");
  // Chosen before the page's script ran: taken (the roles follow it).
  const earlyKind = useEarlyValue<HTMLSelectElement>((v) => setKind(v as Kind));
  const form = useRef<HTMLFormElement>(null);
  // Created: the person's own fields empty for the next one (kind, account and role stay, for a batch
  // of colleagues); a second click on Create user no longer sends the same person again.
  const { result, pending, fieldError, formProps } = useActionForm(createUserAction, () => {
    for (const name of ["name", "email", "password"]) {
      const field = form.current?.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = "";
    }
  });
  return (
    <form {...formProps} ref={form} className="space-y-3" noValidate>
      <Notice result={result && (result.ok || !result.fieldErrors) ? result : null} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          label="Kind"
          name="kind"
          options={kinds}
          ref={earlyKind}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          error={fieldError("kind")}
        />
        <TextField label="Name" name="name" required autoComplete="off" error={fieldError("name")} />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          error={fieldError("email")}
        />
        {kind === "contact" && (
          <ReferenceField
            label="Account"
            name="accountId"
            kind="accounts"
            value={null}
            options={accounts}
            error={fieldError("accountId")}
          />
        )}
        <SelectField
          key={kind}
          label="Role"
          name="role"
          // A consumer has one role to hold, and holds it (initialRoles).
          blank={kind === "consumer" ? undefined : "— None —"}
          options={rolesByKind[kind].map((r) => ({ value: r, label: r }))}
          error={fieldError("role")}
          hint={kind === "internal" ? undefined : "snc_external is added to every external user."}
        />
        <TextField
          label="Initial password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={
            "Leave empty and use Invite on their row: they choose their own. " +
            `Else at least ${passwordMin} characters.`
          }
          error={fieldError("password")}
        />
      </div>
      <SubmitButton pending={pending} pendingText="Creating…">
        Create user
      </SubmitButton>
    </form>
  );
}
