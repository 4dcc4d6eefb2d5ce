"use client";
import { useActionState, useState } from "react";
import { saveIncidentAction } from "@/app/(workspace)/incidents/actions";
import { SelectField, TextAreaField, TextField, ReadOnlyField, type Option } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { impacts, incidentPriorities, incidentResolutionCodes, IncidentState, labelOf, onHoldReasons, urgencies } from "@/lib/domain/records/choices";
import type { ActionResult } from "@/lib/server/errors";

export type IncidentFormData = {
  number: string; version: number; shortDescription: string; description: string; state: number; onHoldReason: number | null;
  impact: number; urgency: number; priority: number; resolutionCode: string | null; resolutionNotes: string | null;
};

/** INC-8: state, on-hold reason, impact, urgency (priority follows the lookup), resolution. */
export function IncidentForm({ data, states, writable }: { data: IncidentFormData; states: Option[]; writable: boolean }) {
  const [result, action] = useActionState<ActionResult | null, FormData>(saveIncidentAction.bind(null, data.number), null);
  const [state, setState] = useState(data.state);
  const err = (f: string) => (result && !result.ok ? result.fieldErrors?.[f] : undefined);
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Incident details">
      <input type="hidden" name="version" value={data.version} />
      <Notice result={result} />
      <fieldset disabled={!writable} className="space-y-4">
        <TextField label="Short description" name="shortDescription" defaultValue={data.shortDescription} required error={err("shortDescription")} />
        <TextAreaField label="Description" name="description" defaultValue={data.description} rows={3} error={err("description")} />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <SelectField label="State" name="state" options={states} value={state} onChange={(e) => setState(Number(e.target.value))} error={err("state")} />
          <SelectField label="On hold reason" name="onHoldReason" options={onHoldReasons} blank="— None —" defaultValue={data.onHoldReason ?? ""} disabled={state !== IncidentState.OnHold} error={err("onHoldReason")} hint={state === IncidentState.OnHold ? undefined : "Only when On Hold"} />
          <ReadOnlyField label="Priority">{labelOf(incidentPriorities, data.priority)}</ReadOnlyField>
          <SelectField label="Impact" name="impact" options={impacts} defaultValue={data.impact} error={err("impact")} />
          <SelectField label="Urgency" name="urgency" options={urgencies} defaultValue={data.urgency} error={err("urgency")} />
        </div>
        <div className="grid gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
          <SelectField label="Resolution code" name="resolutionCode" options={incidentResolutionCodes} blank="— None —" defaultValue={data.resolutionCode ?? ""} error={err("resolutionCode")} />
          <TextAreaField label="Resolution notes" name="resolutionNotes" className="sm:col-span-2" rows={2} defaultValue={data.resolutionNotes ?? ""} error={err("resolutionNotes")} />
        </div>
      </fieldset>
      {writable && (
        <div className="flex justify-end">
          <SubmitButton>Save</SubmitButton>
        </div>
      )}
    </form>
  );
}
