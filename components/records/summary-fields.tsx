import { impacts, urgencies } from "@/lib/domain/records/choices";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";

type FieldError = (field: string) => string | undefined;

/** A record's Short description (required) and Description, as every record form shows them. */
export function SummaryFields({
  shortDescription,
  description,
  rows = 3,
  shortLabel = "Short description",
  err,
}: {
  shortDescription?: string;
  description?: string;
  rows?: number;
  /** A problem calls it "Problem statement". */
  shortLabel?: string;
  err: FieldError;
}) {
  return (
    <>
      <TextField
        label={shortLabel}
        name="shortDescription"
        defaultValue={shortDescription}
        required
        error={err("shortDescription")}
      />
      <TextAreaField
        label="Description"
        name="description"
        defaultValue={description}
        rows={rows}
        error={err("description")}
      />
    </>
  );
}

/** Impact and Urgency, the two choices the priority lookup reads (INC-5), inside the form's grid. */
export function ImpactUrgencyFields({
  impact,
  urgency,
  err,
}: {
  impact: number;
  urgency: number;
  err: FieldError;
}) {
  return (
    <>
      <SelectField
        label="Impact"
        name="impact"
        options={impacts}
        defaultValue={impact}
        error={err("impact")}
      />
      <SelectField
        label="Urgency"
        name="urgency"
        options={urgencies}
        defaultValue={urgency}
        error={err("urgency")}
      />
    </>
  );
}
