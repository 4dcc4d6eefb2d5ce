"use client";
import { saveTaskAction } from "@/app/(workspace)/work-orders/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { AppointmentWindowFields } from "./appointment-window-fields";
import { TaskHeader, type TaskView } from "./task-header";

/**
 * FSM-5: an agent's or manager's view of an open task — its appointment window to set or move
 * (Save appointment) or cancel (Cancel appointment: both ends cleared); state and technician stay
 * the fulfillers' and are shown, not offered.
 */
export function TaskWindowForm({ task }: { task: TaskView }) {
  const save = useActionForm(saveTaskAction.bind(null, task.number));
  const cancel = useActionForm(saveTaskAction.bind(null, task.number));
  const cancelForm = `${task.number}-cancel-window`;
  return (
    <li className="py-3">
      <form
        key={task.version}
        {...save.formProps}
        noValidate
        aria-label={`Task ${task.number}`}
        className="space-y-3"
      >
        <TaskHeader task={task} />
        <p className="text-sm text-slate-600">
          {task.assignedTo?.name ?? "Unassigned"} · {task.windowText}
        </p>
        <input type="hidden" name="version" value={task.version} />
        <Notice result={save.result} />
        <Notice result={cancel.result} />
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <AppointmentWindowFields
            idPrefix={task.number}
            start={task.windowStart}
            end={task.windowEnd}
            error={save.fieldError}
          />
        </div>
        <div className="flex justify-end gap-2">
          {task.windowStart && (
            <Button type="submit" form={cancelForm} disabled={cancel.pending}>
              Cancel appointment
            </Button>
          )}
          <SubmitButton pending={save.pending} variant="secondary">
            Save appointment
          </SubmitButton>
        </div>
      </form>
      {/* Cancel appointment submits this one: the same version, both ends empty. */}
      <form id={cancelForm} {...cancel.formProps} noValidate hidden>
        <input type="hidden" name="version" value={task.version} />
        <input type="hidden" name="windowStart" value="" />
        <input type="hidden" name="windowEnd" value="" />
      </form>
    </li>
  );
}
