"use client";
import { addTemplateAction, saveTemplateAction } from "@/app/(workspace)/admin/change-templates/actions";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { impacts, incidentPriorities, urgencies } from "@/lib/domain/records/choices";
import { useRef, useState } from "react";

export type TemplateView = {
  id: number;
  name: string;
  shortDescription: string;
  description: string;
  impact: number;
  urgency: number;
  priority: number;
  approved: boolean;
  active: boolean;
  version: number;
  /** How many changes were made from it. */
  used: number;
};

/** The three choices a template sets, and a new template's default for each (the model's). */
const CHOICES = [
  ["impact", "Impact", impacts, 3],
  ["urgency", "Urgency", urgencies, 3],
  ["priority", "Priority", incidentPriorities, 4],
] as const;

const APPROVAL = [
  { value: "true", label: "Approved" },
  { value: "false", label: "Not approved" },
];
const ACTIVITY = [
  { value: "true", label: "Active" },
  { value: "false", label: "Inactive" },
];

/** What the change made from the template gets, and whether agents may pick it (ITSM-1). */
function TemplateFields({
  prefix,
  t,
  err,
}: {
  prefix: string;
  t?: TemplateView;
  err: (f: string) => string | undefined;
}) {
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <div className="grid gap-3 md:grid-cols-3">
      <TextField
        id={id("name")}
        label="Name"
        name="name"
        required
        defaultValue={t?.name}
        error={err("name")}
      />
      <TextField
        id={id("short")}
        label="Short description"
        name="shortDescription"
        required
        defaultValue={t?.shortDescription}
        error={err("shortDescription")}
        className="md:col-span-2"
      />
      <TextAreaField
        id={id("description")}
        label="Description"
        name="description"
        rows={3}
        defaultValue={t?.description}
        error={err("description")}
        className="md:col-span-3"
      />
      {CHOICES.map(([name, label, options, initial]) => (
        <SelectField
          key={name}
          id={id(name)}
          label={label}
          name={name}
          options={options}
          defaultValue={t?.[name] ?? initial}
          error={err(name)}
        />
      ))}
    </div>
  );
}

/** ITSM-1: one template — change any field, approve it or not, retire it (Inactive). */
export function TemplateCard({ template: t, pluginOn }: { template: TemplateView; pluginOn: boolean }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(saveTemplateAction);
  // The version this card last sent from: a refusal is about that version. Once another admin's
  // save has brought newer values (the form below remounts with them), "changed by someone else —
  // reload" no longer fits and is not shown; "Saved." after this card's own save is.
  const [sentFrom, setSentFrom] = useState(t.version);
  const shown = result && (result.ok || sentFrom === t.version) ? result : null;
  const fieldError = (f: string) => (shown ? err(f) : undefined);
  const headingId = `template-${t.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {t.name}
        </h2>
        {!t.approved && <span className="cf-badge amber">Not approved</span>}
        {!t.active && <span className="cf-badge gray">Inactive</span>}
        {t.approved && t.active && pluginOn && <span className="cf-badge green">Offered</span>}
        <span className="ml-auto text-xs text-slate-500">
          {t.used === 0
            ? "No changes made from it yet"
            : `${t.used} change${t.used === 1 ? "" : "s"} made from it`}
        </span>
      </header>
      {/* Keyed by version: after anyone's save the fields show the saved values (a select ignores a new
          defaultValue), so a save from this card never sends back what another admin changed. The
          outcome lives in the card, above the key: "Saved." stays. */}
      <form
        key={t.version}
        {...formProps}
        onSubmit={(e) => {
          setSentFrom(t.version);
          formProps.onSubmit(e);
        }}
        aria-label={`Template ${t.name}`}
        className="space-y-3"
        noValidate
      >
        <input type="hidden" name="id" value={t.id} />
        <input type="hidden" name="version" value={t.version} />
        <TemplateFields prefix={`t${t.id}`} t={t} err={fieldError} />
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            id={`t${t.id}-approved`}
            label="Approval"
            name="approved"
            options={APPROVAL}
            defaultValue={String(t.approved)}
            error={fieldError("approved")}
          />
          <SelectField
            id={`t${t.id}-active`}
            label="Status"
            name="active"
            options={ACTIVITY}
            defaultValue={String(t.active)}
            error={fieldError("active")}
          />
          <SubmitButton pending={pending} variant="secondary">
            Save
          </SubmitButton>
        </div>
        {/* A refusal about no field shown (a stale version, an unknown template) is said here. */}
        <Notice
          result={
            shown && (shown.ok || !shown.fieldErrors || fieldError("version") || fieldError("id"))
              ? shown
              : null
          }
        />
      </form>
    </section>
  );
}

/** ITSM-1: a new template; approved (the default), Create Standard Change offers it at once. */
export function NewTemplateForm() {
  const form = useRef<HTMLFormElement>(null);
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(addTemplateAction, () => form.current?.reset());
  return (
    <form ref={form} {...formProps} aria-label="New template" className="space-y-3" noValidate>
      <TemplateFields prefix="new-template" err={err} />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id="new-template-approved"
          label="Approval"
          name="approved"
          options={APPROVAL}
          error={err("approved")}
        />
        <SubmitButton pending={pending} pendingText="Adding…">
          Add template
        </SubmitButton>
      </div>
      <Notice result={result && (result.ok || !result.fieldErrors) ? result : null} />
    </form>
  );
}
