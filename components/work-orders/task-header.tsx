import { Badge, stateTone } from "@/components/ui/badge";

export type TaskView = {
  number: string;
  version: number;
  shortDescription: string;
  state: string;
  assignedTo: { id: number; name: string } | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  /** The window as text, formatted on the server in its zone (lib/domain/time-format.ts). */
  windowText: string;
};

/** The task's number, state and short description: the first line of every task card. */
export function TaskHeader({ task }: { task: TaskView }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-mono text-xs text-slate-600">{task.number}</span>
      <Badge tone={stateTone(task.state)}>{task.state}</Badge>
      <span className="font-medium text-slate-900">{task.shortDescription}</span>
    </div>
  );
}
