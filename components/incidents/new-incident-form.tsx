"use client";
import { createIncidentAction } from "@/app/(workspace)/incidents/actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { impacts, urgencies } from "@/lib/domain/records/choices";

export function NewIncidentForm({ accounts }: { accounts: RefOption[] | null }) {
  const { result, pending, onSubmit, fieldError: err } = useActionForm(createIncidentAction);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result && !result.ok && <Notice result={result} />}
      <TextField label="Short description" name="shortDescription" required error={err("shortDescription")} />
      <TextAreaField label="Description" name="description" rows={4} error={err("description")} />
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
        <SelectField label="Impact" name="impact" options={impacts} defaultValue={3} error={err("impact")} />
        <SelectField
          label="Urgency"
          name="urgency"
          options={urgencies}
          defaultValue={3}
          error={err("urgency")}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Creating…">
          Create
        </SubmitButton>
      </div>
    </form>
  );
}
