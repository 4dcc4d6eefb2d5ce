"use client";
import { updateAccountAction } from "@/app/(workspace)/admin/accounts/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { CheckField } from "../check-field";

export type AccountData = {
  number: string;
  name: string;
  isCustomer: boolean;
  isPartner: boolean;
  primaryContactId: number | null;
  primaryContact: { name: string } | null;
  version: number;
};

/** SET-2: the account's details — Name, Customer, Partner, Primary contact — saved from its version (REC-6). */
export function AccountForm({
  account,
  contacts,
}: {
  account: AccountData & { id: number };
  /** The account's active contacts, or null past a select's limit: a typeahead over them. */
  contacts: RefOption[] | null;
}) {
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(updateAccountAction.bind(null, account.number));
  return (
    <form key={account.version} {...formProps} className="space-y-3" noValidate aria-label="Account details">
      <Notice result={result && (result.ok || !result.fieldErrors || err("version")) ? result : null} />
      <input type="hidden" name="version" value={account.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required defaultValue={account.name} error={err("name")} />
        {/* The current primary contact is always a choice (past the select's 200 it would have been
            dropped, and a save would have cleared it); with more contacts than that, a typeahead. */}
        <ReferenceField
          label="Primary contact"
          name="primaryContactId"
          kind="contacts"
          value={
            account.primaryContactId && account.primaryContact
              ? { id: account.primaryContactId, label: account.primaryContact.name }
              : null
          }
          options={contacts}
          params={{ account: account.id }}
          hint="Proactive cases for this account are opened for them."
          error={err("primaryContactId")}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <CheckField label="Customer" name="isCustomer" defaultChecked={account.isCustomer} />
        <CheckField label="Partner" name="isPartner" defaultChecked={account.isPartner} />
      </div>
      {/* Customer / Partner: one needed; one unticked while its roles or relationships remain (SET-2). */}
      {(["isCustomer", "isPartner"] as const).map(
        (f) =>
          err(f) && (
            <p key={f} role="alert" className="text-xs font-medium text-red-700">
              {err(f)}
            </p>
          ),
      )}
      <SubmitButton pending={pending}>Save</SubmitButton>
    </form>
  );
}
