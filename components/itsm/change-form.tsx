"use client";
import { ImpactUrgencyFields, SummaryFields } from "@/components/records/summary-fields";
import { saveChangeAction } from "@/app/(workspace)/itsm/actions";
import { SelectField, type Option } from "@/components/ui/field";
import { changeCloseCodes } from "@/lib/domain/records/choices";
import { ResolutionFields } from "@/components/records/resolution-fields";
import { DateTimeField } from "@/components/ui/date-time-field";
import { RecordForm } from "./record-form";

export type ChangeFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: number;
  impact: number;
  urgency: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  closeCode: string | null;
  closeNotes: string | null;
};

export function ChangeForm({
  data,
  states,
  writable,
}: {
  data: ChangeFormData;
  states: Option[];
  writable: boolean;
}) {
  return (
    <RecordForm
      save={saveChangeAction.bind(null, data.number)}
      version={data.version}
      writable={writable}
      label="Change details"
    >
      {(err) => (
        <>
          <SummaryFields shortDescription={data.shortDescription} description={data.description} err={err} />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="State"
              name="state"
              options={states}
              defaultValue={data.state}
              error={err("state")}
            />
            <ImpactUrgencyFields impact={data.impact} urgency={data.urgency} err={err} />
            <DateTimeField
              id="change-planned-start"
              label="Planned start"
              name="plannedStart"
              value={data.plannedStart}
              error={err("plannedStart")}
            />
            <DateTimeField
              id="change-planned-end"
              label="Planned end"
              name="plannedEnd"
              value={data.plannedEnd}
              error={err("plannedEnd")}
            />
          </div>
          <ResolutionFields
            kind="close"
            codes={changeCloseCodes}
            code={data.closeCode}
            notes={data.closeNotes}
            err={err}
          />
        </>
      )}
    </RecordForm>
  );
}
