"use client";
import { useEffect, useState } from "react";
import { ImpactUrgencyFields, SummaryFields } from "@/components/records/summary-fields";
import { saveCaseAction } from "@/app/(workspace)/cases/actions";
import { type RefOption } from "@/components/pickers/reference-field";
import { AssignmentFields } from "@/components/records/assignment-fields";
import { PartyFields } from "@/components/records/party-fields";
import { SelectField, type Option } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfirmChildren } from "@/components/major/confirm-children";
import { ResolutionFields } from "@/components/records/resolution-fields";
import { DETAILS_FORM, DISCARD_DETAILS, markDetailsEdited } from "./unsaved-details";
import { caseChannels, casePriorities, resolutionCodesBut } from "@/lib/domain/records/choices";

type Ref = { id: number; label: string } | null;

export type CaseFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: number;
  priority: number;
  impact: number;
  urgency: number;
  channel: string;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  account: Ref;
  contact: Ref;
  consumer: Ref;
  asset: Ref;
  partner: Ref;
  partnerContact: Ref;
  assignmentGroup: Ref;
  assignedTo: Ref;
};

export type CaseFormChoices = {
  states: Option[];
  accounts: RefOption[] | null;
  partners: RefOption[] | null;
  /** WRK-1: active groups; Assigned to lists the chosen group's members (all assignees without one). */
  groups: RefOption[];
  assignees: RefOption[] | null;
  /** Null: more than a select lists, a typeahead (SELECT_LIMIT). */
  contacts: RefOption[] | null;
  assets: RefOption[] | null;
  partnerContacts: RefOption[] | null;
  /** ITSM-5: the resolution codes not offered (an inactive plugin's, not the case's own); usually none. */
  withheldCodes?: string[];
};

/**
 * The case form (SPEC §1 fields). The <form> remounts per version, so after any change it shows
 * the stored values; the outcome message lives outside it and survives the remount.
 */
export function CaseForm({
  data,
  choices,
  writable,
}: {
  data: CaseFormData;
  choices: CaseFormChoices;
  writable: boolean;
}) {
  const {
    result,
    pending,
    fieldError: err,
    resubmit,
    needsConfirmation,
    dismissConfirmation,
    formProps,
  } = useActionForm(saveCaseAction.bind(null, data.number));
  const off = !writable;
  // Discarded edits (UnsavedDetailsGuard): a new form with the stored values.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const discard = () => setGeneration((g) => g + 1);
    window.addEventListener(DISCARD_DETAILS, discard);
    return () => window.removeEventListener(DISCARD_DETAILS, discard);
  }, []);
  return (
    <form
      key={`${data.version}:${generation}`}
      {...formProps}
      onInput={markDetailsEdited}
      className="space-y-4"
      noValidate
      aria-label={DETAILS_FORM}
    >
      <ConfirmChildren
        message={needsConfirmation}
        pending={pending}
        resubmit={resubmit}
        onDismiss={dismissConfirmation}
      />
      <input type="hidden" name="version" value={data.version} />
      {!needsConfirmation && <Notice result={result} />}
      <fieldset disabled={off} className="space-y-4">
        <SummaryFields
          shortDescription={data.shortDescription}
          description={data.description}
          rows={4}
          err={err}
        />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <SelectField
            label="State"
            name="state"
            options={choices.states}
            defaultValue={data.state}
            error={err("state")}
          />
          <SelectField
            label="Priority"
            name="priority"
            options={casePriorities}
            defaultValue={data.priority}
            error={err("priority")}
          />
          <SelectField
            label="Channel"
            name="channel"
            options={caseChannels}
            defaultValue={data.channel}
            error={err("channel")}
          />
          <ImpactUrgencyFields impact={data.impact} urgency={data.urgency} err={err} />
          <AssignmentFields
            works="case"
            group={data.assignmentGroup}
            assignedTo={data.assignedTo}
            groups={choices.groups}
            assignees={choices.assignees}
            err={err}
          />
          <PartyFields data={data} choices={choices} err={err} newContact />
        </div>
        <ResolutionFields
          codes={resolutionCodesBut(choices.withheldCodes)}
          code={data.resolutionCode}
          notes={data.resolutionNotes}
          err={err}
        />
      </fieldset>
      {writable && (
        <div className="flex justify-end">
          <SubmitButton pending={pending}>Save</SubmitButton>
        </div>
      )}
    </form>
  );
}
