// FSM-5: who does what with work orders in the workspace. External users read them through the
// portal's scoping layer (lib/server/work-orders/external.ts), never through these rules.
import { canReadCases, canReadItsm, canWriteCases, canWriteItsm, type Actor } from "../auth/roles";

/** Agents and managers see every work order of their cases; ITIL fulfillers see the ones they work. */
export const canReadWorkOrders = (a: Actor) => canReadCases(a) || canReadItsm(a);
/** Agents and managers create work orders from cases (Create Work Order). */
export const canCreateWorkOrders = canWriteCases;
/** ITIL fulfillers work them: fields, state, tasks and appointments, work notes. */
export const canWorkWorkOrders = canWriteItsm;
