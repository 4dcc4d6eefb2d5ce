export type PortalTask = {
  number: string;
  state: string;
  shortDescription: string;
  windowStart: Date | string | null;
  windowEnd: Date | string | null;
  assignedToName?: string | null;
  /** The window as text, formatted on the server in its zone (lib/domain/time-format.ts). */
  windowText: string;
};

/**
 * POR-2 / POR-3: a work order's tasks with their appointment windows, as customers see them
 * (no internal fields). Plain markup: used by the work order page and the Related Records dialog.
 */
export function WorkOrderTasks({ tasks, headingLevel = 2 }: { tasks: PortalTask[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div>
      <Heading className="text-sm font-semibold text-slate-700">Tasks and appointments</Heading>
      {tasks.length ? (
        <ul className="mt-2 space-y-2">
          {tasks.map((t) => (
            <li key={t.number} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
              <p className="flex flex-wrap gap-x-3 font-medium">
                <span>{t.number}</span>
                <span className="text-slate-600">{t.state}</span>
              </p>
              {t.shortDescription && <p className="break-words text-slate-700">{t.shortDescription}</p>}
              <p className="text-slate-600">Appointment: {t.windowText}</p>
              {t.assignedToName && <p className="text-slate-600">Technician: {t.assignedToName}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No tasks yet.</p>
      )}
    </div>
  );
}
