"use client";
import { saveTaskAction } from "@/app/(workspace)/work-orders/actions";
import { SelectField, type Option } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { AppointmentWindowFields } from "./appointment-window-fields";
import { TaskHeader, type TaskView } from "./task-header";
import { TaskWindowForm } from "./task-window-form";

/**
 * One task of a work order: its full form for a fulfiller, its appointment window for an agent or
 * manager (FSM-5), read-only when closed or not the reader's to change.
 */
export function TaskCard({
  task,
  states,
  assignees,
  writable,
  schedulable,
}: {
  task: TaskView;
  states: Option[];
  assignees: RefOption[] | null;
  writable: boolean;
  schedulable: boolean;
}) {
  const open = states.length > 0;
  if (writable && open) return <TaskForm task={task} states={states} assignees={assignees} />;
  if (schedulable && open) return <TaskWindowForm task={task} />;
  return (
    <li className="space-y-1 py-3" aria-label={`Task ${task.number}`}>
      <TaskHeader task={task} />
      <p className="text-sm text-slate-600">
        {task.assignedTo?.name ?? "Unassigned"} · {task.windowText}
      </p>
    </li>
  );
}

function TaskForm({
  task,
  states,
  assignees,
}: {
  task: TaskView;
  states: Option[];
  assignees: RefOption[] | null;
}) {
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(saveTaskAction.bind(null, task.number));
  const id = (f: string) => `${task.number}-${f}`;
  return (
    <li className="py-3">
      <form
        key={task.version}
        {...formProps}
        noValidate
        aria-label={`Task ${task.number}`}
        className="space-y-3"
      >
        <TaskHeader task={task} />
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
