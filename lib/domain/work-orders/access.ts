// FSM-5: who does what with work orders in the workspace. External users read them through the
// portal's scoping layer (lib/server/work-orders/external.ts), never through these rules.
import { canReadCases, canReadItsm, canWriteCases, canWriteItsm, type Actor } from "../auth/roles";

/**
 * Agents and managers see every work order of their cases — an internal case reader reads every
 * case, so every work order; ITIL fulfillers see the ones they work.
 */
export const canReadWorkOrders = (a: Actor) => canReadCases(a) || canReadItsm(a);
/** Agents and managers create work orders from cases (Create Work Order). */
export const canCreateWorkOrders = canWriteCases;
/** ITIL fulfillers work them: fields, state, tasks and appointments, work notes. */
export const canWorkWorkOrders = canWriteItsm;
/**
 * Agents and managers (and the fulfillers) add, change and cancel (clear) a task's appointment
 * window and add work notes; the rest of the work order stays the fulfillers'.
 */
export const canScheduleWorkOrders = (a: Actor) => canCreateWorkOrders(a) || canWorkWorkOrders(a);

/** The task fields scheduling covers: the appointment window. */
export const SCHEDULE_FIELDS: readonly string[] = ["windowStart", "windowEnd"];

/**
 * The fields of a task edit this person may not make (empty: they may make it all). A fulfiller
 * changes anything; an agent or manager only the window — any other field given is refused.
 */
export function refusedTaskFields(a: Actor, edit: Record<string, unknown>): string[] {
  if (canWorkWorkOrders(a)) return [];
  const given = Object.keys(edit).filter((k) => edit[k] !== undefined);
  if (!canScheduleWorkOrders(a)) return given;
  return given.filter((k) => !SCHEDULE_FIELDS.includes(k));
}
