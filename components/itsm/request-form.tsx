"use client";
import { SummaryFields } from "@/components/records/summary-fields";
import { saveRequestAction } from "@/app/(workspace)/itsm/actions";
import { SelectField, type Option } from "@/components/ui/field";
import { RecordForm } from "./record-form";

export type RequestFormData = {
  number: string;
  version: number;
  shortDescription: string;
  description: string;
  state: string;
};

export function RequestForm({
  data,
  states,
  writable,
}: {
  data: RequestFormData;
  states: Option[];
  writable: boolean;
}) {
  return (
    <RecordForm
      save={saveRequestAction.bind(null, data.number)}
      version={data.version}
      writable={writable}
      label="Request details"
    >
      {(err) => (
        <>
          <SummaryFields shortDescription={data.shortDescription} description={data.description} err={err} />
          <SelectField
            label="Request state"
            name="state"
            options={states}
            defaultValue={data.state}
            error={err("state")}
            className="sm:w-1/3"
          />
        </>
      )}
    </RecordForm>
  );
}
