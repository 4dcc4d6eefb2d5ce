"use client";
import Link from "@/components/ui/link";
import { saveRelatedRecordsAction } from "@/app/(workspace)/cases/actions";
import { Combobox } from "@/components/pickers/combobox";
import { Field, ReadOnlyField } from "@/components/ui/field";
import { Notice, refusedBeside } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeStates, incidentStates, labelOf, problemStates } from "@/lib/domain/records/choices";

type Rec = { id: number; number: string; shortDescription: string; state: number } | null;
type Slot = {
  key: "incident" | "problem" | "change" | "causedBy";
  label: string;
  kind: string;
  path: string;
  record: Rec;
  states: (s: number) => string;
  params?: Record<string, string>;
};

const OPEN_ONLY = { open: "1" };
const ANY = { open: "0" };

function RecordLink({ slot }: { slot: Slot }) {
  if (!slot.record) return <span className="cf-muted">—</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <Link href={slot.path + slot.record.number} className="font-medium text-brand-700 hover:underline">
        {slot.record.number}
      </Link>
      <span className="truncate text-slate-600" title={slot.record.shortDescription}>
        {slot.record.shortDescription}
      </span>
      <span className="ml-auto shrink-0 text-xs text-slate-500">{slot.states(slot.record.state)}</span>
    </span>
  );
}

/**
 * ITSM-2: the Related Records section — Incident (ROLE-1), Problem, Change Request, Caused by
 * Change. Editable by picking existing records unless the case is closed or a child (MAJ-3).
 */
export function RelatedRecords(props: {
  caseNumber: string;
  version: number;
  editable: boolean;
  editIncident: boolean;
  seesIncidents: boolean;
  incident: Rec;
  problem: Rec;
  change: Rec;
  causedBy: Rec;
}) {
  const { result, pending, fieldError, formProps } = useActionForm(
    saveRelatedRecordsAction.bind(null, props.caseNumber),
  );
  const choices = { incident: incidentStates, problem: problemStates, change: changeStates };
  const label = (kind: "incident" | "problem" | "change") => (s: number) => labelOf(choices[kind], s);
  const slots: Slot[] = [
    ...(props.seesIncidents
      ? [
          {
            key: "incident",
            label: "Incident",
            kind: "incidents",
            path: "/incidents/",
            record: props.incident,
            states: label("incident"),
            params: OPEN_ONLY,
          } as Slot,
        ]
      : []),
    {
      key: "problem",
      label: "Problem",
      kind: "problems",
      path: "/problems/",
      record: props.problem,
      states: label("problem"),
    },
    {
      key: "change",
      label: "Change Request",
      kind: "changes",
      path: "/changes/",
      record: props.change,
      states: label("change"),
    },
    {
      key: "causedBy",
      label: "Caused by Change",
      kind: "changes",
      path: "/changes/",
      record: props.causedBy,
      states: label("change"),
      params: ANY,
    },
  ];
  if (!props.editable) {
    return (
      <div className="grid gap-4 sm:grid-cols-2">
        {slots.map((s) => (
          <ReadOnlyField key={s.key} label={s.label}>
            <RecordLink slot={s} />
          </ReadOnlyField>
        ))}
      </div>
    );
  }
  const editableSlots = slots.filter((s) => s.key !== "incident" || props.editIncident).map((s) => s.key);
  return (
    <form key={props.version} {...formProps} className="space-y-3" noValidate aria-label="Related Records">
      <input type="hidden" name="version" value={props.version} />
      {/* A refusal of no slot shown here (a stale save, the case resolved meanwhile) shows above. */}
      {result && (result.ok || refusedBeside(result, editableSlots)) && <Notice result={result} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {slots.map((s) => {
          const readOnly = s.key === "incident" && !props.editIncident;
          return readOnly ? (
            <ReadOnlyField key={s.key} label={s.label}>
              <RecordLink slot={s} />
            </ReadOnlyField>
          ) : (
            <div key={s.key}>
              <Field label={s.label} id={`rel-${s.key}`} error={fieldError(s.key)}>
                <Combobox
                  id={`rel-${s.key}`}
                  name={s.key}
                  kind={s.kind}
                  params={s.params}
                  valueField="label"
                  value={s.record ? { id: s.record.id, label: s.record.number } : null}
                  placeholder="Search by number or description"
                />
              </Field>
              {s.record && (
                <p className="mt-1 truncate text-xs text-slate-500">
                  <RecordLink slot={s} />
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="flex justify-end">
        <SubmitButton pending={pending} variant="secondary">
          Update related records
        </SubmitButton>
      </div>
    </form>
  );
}
