"use client";
import { createPortalCaseAction } from "@/app/portal/actions";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

type Asset = { id: number; number: string; name: string };

/** POR-1 New case: Short description, Description and an Asset of the user's account; Submit. */
export function PortalNewCaseForm({ assets }: { assets: Asset[] }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(createPortalCaseAction);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {result && !result.ok && !result.fieldErrors && <Notice result={result} />}
      <TextField
        label="Short description"
        name="shortDescription"
        required
        maxLength={160}
        error={err("shortDescription")}
      />
      <TextAreaField label="Description" name="description" rows={6} error={err("description")} />
      {assets.length > 0 && (
        <SelectField
          label="Asset"
          name="assetId"
          blank="None"
          options={assets.map((a) => ({ value: a.id, label: `${a.name} (${a.number})` }))}
          error={err("assetId")}
        />
      )}
      <SubmitButton pending={pending} pendingText="Submitting…">
        Submit
      </SubmitButton>
    </form>
  );
}
