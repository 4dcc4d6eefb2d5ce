"use client";
import { saveRequestAction } from "@/app/(workspace)/records/actions";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
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
          <TextField
            label="Short description"
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
