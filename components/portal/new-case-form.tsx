"use client";
import { useState } from "react";
import { createPortalCaseAction } from "@/app/portal/actions";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestKey } from "@/lib/request-key";

type Asset = { id: number; number: string; name: string };

/** POR-1 New case: Short description, Description and an Asset of the user's account; Submit. */
export function PortalNewCaseForm({ assets }: { assets: Asset[] }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(createPortalCaseAction);
  const [requestKey] = useState(newRequestKey);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {/* REL-2: one key per form: a double click or a retry after a timeout makes one case. */}
      <input type="hidden" name="requestKey" value={requestKey} />
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
