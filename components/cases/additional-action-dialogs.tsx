"use client";
import {
  associateIncidentAction,
  createStandardChangeAction,
  proposeMajorCaseAction,
  removeIncidentAction,
} from "@/app/(workspace)/cases/actions";
import { Combobox } from "@/components/pickers/combobox";
import { DialogForm } from "@/components/ui/dialog-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/domain/action-result";

// The dialogs behind four of the Additional actions items; each calls onDone with the result.

export type DialogProps = { number: string; onDone: (r: ActionResult) => void; onCancel: () => void };
const OPEN = { open: "1" };

export function AssociateIncident({ number, ...done }: DialogProps) {
  return (
    <DialogForm
      action={associateIncidentAction.bind(null, number)}
      {...done}
      intro="Search open incidents by number or short description."
      fields={["incident"]}
      submit="Associate"
      pendingText="Associating…"
    >
      {(fieldError) => (
        <Field label="Incident" id="associate-incident" error={fieldError("incident")}>
          <Combobox
            id="associate-incident"
            name="incident"
            kind="incidents"
            value={null}
            params={OPEN}
            valueField="label"
            placeholder="INC0010001 or words from the description"
            error={fieldError("incident")}
          />
        </Field>
      )}
    </DialogForm>
  );
}

/**
 * INC-4: Remove Incident asks first — the incident's updates stop reaching the case, and an
 * agent who picked the item by mistake would otherwise have to find the incident again.
 */
export function RemoveIncident({ number, incident, ...done }: DialogProps & { incident: string | null }) {
  return (
    <DialogForm
      action={() => {
        // INC-4: the incident this question names; another linked meanwhile is not removed.
        const form = new FormData();
        form.set("incident", incident ?? "");
        return removeIncidentAction(number, null, form);
      }}
      {...done}
      intro={
        `Remove incident ${incident ?? ""} from case ${number}? Its updates stop reaching this case; ` +
        "you can associate it again later."
      }
      submit="Remove Incident"
      confirmation
      pendingText="Removing…"
    >
      {() => null}
    </DialogForm>
  );
}

export function StandardChange({
  number,
  templates,
  ...done
}: DialogProps & { templates: { value: number; label: string }[] }) {
  return (
    <DialogForm
      action={createStandardChangeAction.bind(null, number)}
      {...done}
      intro="A standard change comes from an approved template; nothing is copied from the case."
      fields={["templateId"]}
      submit="Create"
      pendingText="Creating…"
    >
      {(fieldError) => (
        <SelectField
          label="Template"
          name="templateId"
          id="standard-change-template"
          options={templates}
          blank="— Pick an approved template —"
          error={fieldError("templateId")}
        />
      )}
    </DialogForm>
  );
}

export function ProposeMajorCase({ number, ...done }: DialogProps) {
  return (
    <DialogForm
      action={proposeMajorCaseAction.bind(null, number)}
      {...done}
      intro="Major issue managers are told at once and decide whether this becomes a major case."
      fields={["workNotes", "businessImpact"]}
      submit="Propose"
      pendingText="Proposing…"
    >
      {(fieldError) => (
        <>
          <TextAreaField
            label="Work notes"
            name="workNotes"
            id="propose-work-notes"
            rows={3}
            required
            error={fieldError("workNotes")}
            placeholder="What is happening, who is affected, what has been tried"
          />
          <TextAreaField
            label="Business impact"
            name="businessImpact"
            id="propose-business-impact"
            rows={2}
            required
            error={fieldError("businessImpact")}
            placeholder="e.g. 40 stores cannot take card payments"
          />
        </>
      )}
    </DialogForm>
  );
}
