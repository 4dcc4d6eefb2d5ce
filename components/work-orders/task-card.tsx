"use client";
import { saveTaskAction } from "@/app/(workspace)/work-orders/actions";
import { Badge, stateTone } from "@/components/ui/badge";
import { SelectField, type Option } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { AppointmentWindowFields } from "./appointment-window-fields";
import { formatWindow } from "./window-text";

export type TaskView = {
  number: string;
  version: number;
  shortDescription: string;
  state: string;
  assignedTo: { id: number; name: string } | null;
  windowStart: Date | null;
  windowEnd: Date | null;
};

/** One task of a work order: read-only when closed or not the reader's to work, else its small form. */
export function TaskCard({
  task,
  states,
  assignees,
  writable,
}: {
  task: TaskView;
  states: Option[];
  assignees: RefOption[] | null;
  writable: boolean;
}) {
  const {
    result,
    pending,
    onSubmit,
    fieldError: err,
  } = useActionForm(saveTaskAction.bind(null, task.number));
  const header = (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-mono text-xs text-slate-600">{task.number}</span>
      <Badge tone={stateTone(task.state)}>{task.state}</Badge>
      <span className="font-medium text-slate-900">{task.shortDescription}</span>
    </div>
  );
  if (!writable || !states.length) {
    return (
      <li className="space-y-1 py-3" aria-label={`Task ${task.number}`}>
        {header}
        <p className="text-sm text-slate-600">
          {task.assignedTo?.name ?? "Unassigned"} · {formatWindow(task.windowStart, task.windowEnd)}
        </p>
      </li>
    );
  }
  const id = (f: string) => `${task.number}-${f}`;
  return (
    <li className="py-3">
      <form
        key={task.version}
        onSubmit={onSubmit}
        noValidate
        aria-label={`Task ${task.number}`}
        className="space-y-3"
      >
        {header}
        <input type="hidden" name="version" value={task.version} />
        <Notice result={result} />
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <SelectField
            label="State"
            name="state"
            id={id("state")}
            options={states}
            defaultValue={task.state}
            error={err("state")}
          />
          <ReferenceField
            label="Assigned to"
            name="assignedToId"
            id={id("assigned")}
            kind="users"
            value={task.assignedTo ? { id: task.assignedTo.id, label: task.assignedTo.name } : null}
            options={assignees}
            blank="— Unassigned —"
            error={err("assignedToId")}
          />
          <AppointmentWindowFields
            idPrefix={task.number}
            start={task.windowStart}
            end={task.windowEnd}
            error={err}
          />
        </div>
        <div className="flex justify-end">
          <SubmitButton pending={pending} variant="secondary">
            Save task
          </SubmitButton>
        </div>
      </form>
    </li>
  );
}
