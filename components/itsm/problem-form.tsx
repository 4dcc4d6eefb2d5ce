"use client";
import { saveProblemAction } from "@/app/(workspace)/records/actions";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { impacts, problemResolutionCodes, urgencies } from "@/lib/domain/records/choices";
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
          <TextField
            label="Problem statement"
            name="shortDescription"
            defaultValue={data.shortDescription}
            required
            error={err("shortDescription")}
          />
          <TextAreaField
            label="Description"
            name="description"
            defaultValue={data.description}
            rows={3}
            error={err("description")}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="State"
              name="state"
              options={states}
              defaultValue={data.state}
              error={err("state")}
            />
            <SelectField
              label="Impact"
              name="impact"
              options={impacts}
              defaultValue={data.impact}
              error={err("impact")}
            />
            <SelectField
              label="Urgency"
              name="urgency"
              options={urgencies}
              defaultValue={data.urgency}
              error={err("urgency")}
            />
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
