"use client";
import { useState } from "react";
import { ImpactUrgencyFields, SummaryFields } from "@/components/records/summary-fields";
import { createIncidentAction } from "@/app/(workspace)/incidents/actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestKey } from "@/lib/request-key";

export function NewIncidentForm({ accounts }: { accounts: RefOption[] | null }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(createIncidentAction);
  // REL-2: one key per form shown: a double click or a retry after a timeout makes one incident.
  const [requestKey] = useState(newRequestKey);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      {result && !result.ok && <Notice result={result} />}
      <SummaryFields rows={4} err={err} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ReferenceField
          label="Company"
          name="companyId"
          kind="accounts"
          value={null}
          options={accounts}
          error={err("companyId")}
        />
        <ReferenceField
          label="Caller"
          name="callerId"
          kind="users"
          value={null}
          options={null}
          error={err("callerId")}
        />
        <ImpactUrgencyFields impact={3} urgency={3} err={err} />
      </div>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Creating…">
          Create
        </SubmitButton>
      </div>
    </form>
  );
}
