"use client";
import { ImpactUrgencyFields, SummaryFields } from "@/components/records/summary-fields";
import { saveProblemAction } from "@/app/(workspace)/itsm/actions";
import { SelectField, TextAreaField, type Option } from "@/components/ui/field";
import { problemResolutionCodes } from "@/lib/domain/records/choices";
import { ResolutionFields } from "@/components/records/resolution-fields";
import { RecordForm } from "./record-form";

export type ProblemFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: number;
  impact: number;
  urgency: number;
  workaround: string;
  causeNotes: string;
  fixNotes: string;
  resolutionCode: string | null;
  resolutionNotes: string | null;
};

export function ProblemForm({
  data,
  states,
  writable,
}: {
  data: ProblemFormData;
  states: Option[];
  writable: boolean;
}) {
  return (
    <RecordForm
      save={saveProblemAction.bind(null, data.number)}
      version={data.version}
      writable={writable}
      label="Problem details"
    >
      {(err) => (
        <>
          <SummaryFields
            shortLabel="Problem statement"
            shortDescription={data.shortDescription}
            description={data.description}
            err={err}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="State"
              name="state"
              options={states}
              defaultValue={data.state}
              error={err("state")}
            />
            <ImpactUrgencyFields impact={data.impact} urgency={data.urgency} err={err} />
          </div>
          <TextAreaField
            label="Workaround"
            name="workaround"
            defaultValue={data.workaround}
            rows={2}
            error={err("workaround")}
            hint="Cases may resolve with “Workaround provided based on open PRB” once a workaround is recorded."
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextAreaField
              label="Cause notes"
              name="causeNotes"
              defaultValue={data.causeNotes}
              rows={2}
              error={err("causeNotes")}
            />
            <TextAreaField
              label="Fix notes"
              name="fixNotes"
              defaultValue={data.fixNotes}
              rows={2}
              error={err("fixNotes")}
            />
          </div>
          <ResolutionFields
            codes={problemResolutionCodes}
            code={data.resolutionCode}
            notes={data.resolutionNotes}
            err={err}
          />
        </>
      )}
    </RecordForm>
  );
}
