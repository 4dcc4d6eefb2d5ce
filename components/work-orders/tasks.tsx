"use client";
import { addTaskAction, saveWorkOrderAction } from "@/app/(workspace)/work-orders/actions";
import { TextField, type Option } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { useState } from "react";
import { WorkOrderState } from "@/lib/domain/records/choices";
import { newRequestKey } from "@/lib/request-key";
import { TaskCard } from "./task-card";
import type { TaskView } from "./task-header";
import { AppointmentWindowFields } from "./appointment-window-fields";

/** FSM-3: the work order's tasks with their appointments, Add task, and the offer to close. */
export function WorkOrderTasks({
  number,
  version,
  tasks,
  taskStates,
  assignees,
  writable,
  schedulable,
  offersClosing,
}: {
  number: string;
  version: number;
  tasks: TaskView[];
  taskStates: Record<string, Option[]>;
  assignees: RefOption[] | null;
  writable: boolean;
  /** FSM-5: the reader may change the tasks' appointment windows (agents and managers too). */
  schedulable: boolean;
  offersClosing: boolean;
}) {
  return (
    <div className="space-y-3">
      {offersClosing && <CloseOffer number={number} version={version} />}
      {tasks.length ? (
        <ul className="divide-y divide-slate-100">
          {tasks.map((t) => (
            <TaskCard
              key={t.number}
              task={t}
              states={taskStates[t.number] ?? []}
              assignees={assignees}
              writable={writable}
              schedulable={schedulable}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No tasks.</p>
      )}
      {/* Remounts (empties) once the task it added is listed. */}
      {writable && <AddTask key={tasks.length} number={number} assignees={assignees} />}
    </div>
  );
}

const OFFER =
  "flex flex-wrap items-center justify-between gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3";

function CloseOffer({ number, version }: { number: string; version: number }) {
  const { result, pending, formProps } = useActionForm(saveWorkOrderAction.bind(null, number));
  return (
    <form {...formProps} aria-label="Close work order" className={OFFER}>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="state" value={WorkOrderState.ClosedComplete} />
      <p className="text-sm text-emerald-900">Every task is closed. Close the work order as complete?</p>
      <Notice result={result} />
      <SubmitButton pending={pending}>Close work order</SubmitButton>
    </form>
  );
}

function AddTask({ number, assignees }: { number: string; assignees: RefOption[] | null }) {
  // REL-2: each task written in the form has its own key; a double click or a retry adds it once.
  const [key, setKey] = useState(() => newRequestKey());
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(addTaskAction.bind(null, number), () => setKey(newRequestKey()));
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">Add task</summary>
      <form {...formProps} noValidate aria-label="Add task" className="mt-3 space-y-3">
        <Notice result={result} />
        <input type="hidden" name="requestKey" value={key} />
        <TextField
          id="new-task-short-description"
          label="Task short description"
          name="shortDescription"
          required
          error={err("shortDescription")}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <ReferenceField
            label="Assigned to"
            name="assignedToId"
            id="new-task-assigned"
            kind="users"
            value={null}
            options={assignees}
            blank="— Unassigned —"
            error={err("assignedToId")}
          />
          <AppointmentWindowFields idPrefix="new-task" error={err} />
        </div>
        <div className="flex justify-end">
          <SubmitButton pending={pending}>Add task</SubmitButton>
        </div>
      </form>
    </details>
  );
}
