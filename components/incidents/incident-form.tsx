"use client";
import { ImpactUrgencyFields, SummaryFields } from "@/components/records/summary-fields";
import { useState } from "react";
import { saveIncidentAction } from "@/app/(workspace)/incidents/actions";
import { SelectField, ReadOnlyField, type Option } from "@/components/ui/field";
import { useEarlyValue } from "@/components/ui/early-value";
import { ResolutionFields } from "@/components/records/resolution-fields";
import { AssignmentFields } from "@/components/records/assignment-fields";
import type { RefOption } from "@/components/pickers/reference-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  incidentPriorities,
  incidentResolutionCodes,
  IncidentState,
  labelOf,
  onHoldReasons,
} from "@/lib/domain/records/choices";

export type IncidentFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: number;
  onHoldReason: number | null;
  impact: number;
  urgency: number;
  priority: number;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  /** WRK-1 */
  assignmentGroup: { id: number; label: string } | null;
  assignedTo: { id: number; label: string } | null;
};

/** WRK-1: the Assignment group and Assigned to choices (lib/server/assignment/read.ts assignmentChoices). */
export type IncidentFormChoices = { groups: RefOption[]; assignees: RefOption[] | null };

/** INC-8: state, on-hold reason, impact, urgency (priority follows the lookup), resolution. */
export function IncidentForm(props: {
  data: IncidentFormData;
  states: Option[];
  choices: IncidentFormChoices;
  writable: boolean;
}) {
  const { result, pending, fieldError, formProps } = useActionForm(
    saveIncidentAction.bind(null, props.data.number),
  );
  return (
    <div className="space-y-4">
      <Notice result={result} />
      <IncidentFields
        key={props.data.version}
        {...props}
        formProps={formProps}
        pending={pending}
        err={fieldError}
      />
    </div>
  );
}

/** The fields, remounted per version so they show the stored values after every change. */
function IncidentFields({
  data,
  states,
  choices,
  writable,
  formProps,
  pending,
  err,
}: {
  data: IncidentFormData;
  states: Option[];
  choices: IncidentFormChoices;
  writable: boolean;
  formProps: ReturnType<typeof useActionForm>["formProps"];
  pending: boolean;
  err: (f: string) => string | undefined;
}) {
  const [state, setState] = useState(data.state);
  // Chosen before the page's script ran: taken (On hold reason follows it).
  const earlyState = useEarlyValue<HTMLSelectElement>((v) => setState(Number(v)));
  return (
    <form {...formProps} className="space-y-4" noValidate aria-label="Incident details">
      <input type="hidden" name="version" value={data.version} />
      <fieldset disabled={!writable} className="space-y-4">
        <SummaryFields shortDescription={data.shortDescription} description={data.description} err={err} />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <SelectField
            label="State"
            name="state"
            options={states}
            ref={earlyState}
            value={state}
            onChange={(e) => setState(Number(e.target.value))}
            error={err("state")}
          />
          <SelectField
            label="On hold reason"
            name="onHoldReason"
            options={onHoldReasons}
            blank="— None —"
            defaultValue={data.onHoldReason ?? ""}
            disabled={state !== IncidentState.OnHold}
            error={err("onHoldReason")}
            hint={state === IncidentState.OnHold ? undefined : "Only when On Hold"}
          />
          <ReadOnlyField label="Priority">{labelOf(incidentPriorities, data.priority)}</ReadOnlyField>
          <ImpactUrgencyFields impact={data.impact} urgency={data.urgency} err={err} />
          <AssignmentFields
            works="incident"
            group={data.assignmentGroup}
            assignedTo={data.assignedTo}
            groups={choices.groups}
            assignees={choices.assignees}
            err={err}
          />
        </div>
        <ResolutionFields
          codes={incidentResolutionCodes}
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
