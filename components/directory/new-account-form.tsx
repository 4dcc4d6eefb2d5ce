"use client";
import { useRouter } from "next/navigation";
import { createAccountAction } from "@/app/(workspace)/admin/accounts/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckField } from "./check-field";

/** SET-2: a new account (customer, partner or both); on success its page opens. */
export function NewAccountForm() {
  const router = useRouter();
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(createAccountAction, (r) => {
    const number = r.ok ? (r.data as { number?: string } | undefined)?.number : undefined;
    if (number) router.push(`/admin/accounts/${number}`);
  });
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" noValidate>
      {result && !result.ok && !result.fieldErrors && <Notice result={result} />}
      <TextField
        id="new-account-name"
        label="Name"
        name="name"
        required
        autoComplete="off"
        error={err("name")}
        className="min-w-64 flex-1"
      />
      <div className="space-y-1 pb-1">
        <CheckField id="new-account-customer" label="Customer" name="isCustomer" defaultChecked />
        <CheckField id="new-account-partner" label="Partner" name="isPartner" />
        {err("isCustomer") && (
          <p role="alert" className="text-xs font-medium text-red-700">
            {err("isCustomer")}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} pendingText="Creating…">
        Create account
      </SubmitButton>
    </form>
  );
}
