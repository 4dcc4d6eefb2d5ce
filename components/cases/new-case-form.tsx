"use client";
import { useState } from "react";
import { SummaryFields } from "@/components/records/summary-fields";
import { createCaseAction } from "@/app/(workspace)/cases/actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { AssignmentFields } from "@/components/records/assignment-fields";
import { ContactField } from "@/components/directory/contact-field";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestKey } from "@/lib/request-key";
import { caseChannels, casePriorities } from "@/lib/domain/records/choices";

export function NewCaseForm({
  accounts,
  groups,
  assignees,
}: {
  accounts: RefOption[] | null;
  groups: RefOption[];
  assignees: RefOption[] | null;
}) {
  const { result, pending, fieldError: err, formProps } = useActionForm(createCaseAction);
  const [requestKey] = useState(newRequestKey);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {/* REL-2: one key per form: a double click or a retry after a timeout makes one case. */}
      <input type="hidden" name="requestKey" value={requestKey} />
      {result && !result.ok && <Notice result={result} />}
      <SummaryFields rows={5} err={err} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ReferenceField
          label="Account"
          name="accountId"
          kind="accounts"
          value={null}
          options={accounts}
          error={err("accountId")}
        />
        <ContactField value={null} options={[]} accountId={null} error={err("contactId")} />
        <ReferenceField
          label="Consumer"
          name="consumerId"
          kind="consumers"
          value={null}
          options={null}
          error={err("consumerId")}
        />
        <AssignmentFields
          works="case"
          group={null}
          assignedTo={null}
          groups={groups}
          assignees={assignees}
          err={err}
        />
        <SelectField
          label="Priority"
          name="priority"
          options={casePriorities}
          defaultValue={4}
          error={err("priority")}
        />
        <SelectField
          label="Channel"
          name="channel"
          options={caseChannels}
          defaultValue="phone"
          error={err("channel")}
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
