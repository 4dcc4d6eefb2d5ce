// Who may read which record's timeline — the same rules as the record pages — and what of it.
import {
  canReadCases,
  canReadIncidents,
  canReadItsm,
  isExternal,
  isInternal,
  type Actor,
} from "../auth/roles";
import { TABLE } from "../records/tables";
import { externalScope } from "../scope/external";
import { canReadWorkOrders } from "../work-orders/access";

/** The tables with a record page and a timeline, and the read rule of each page. */
const READ_RULE: Record<string, (a: Actor) => boolean> = {
  [TABLE.case]: canReadCases,
  [TABLE.incident]: canReadIncidents,
  [TABLE.problem]: canReadItsm,
  [TABLE.change]: canReadItsm,
  [TABLE.request]: canReadItsm,
  [TABLE.workOrder]: canReadWorkOrders,
};

/**
 * The reader may open this table's records (and so read their timelines). Unknown tables: no.
 * An external user with a portal role reads case timelines only — each case still has to be in
 * their scope (ROLE-3), which the server checks per case (lib/server/journal/live.ts).
 */
export function canReadJournalOf(actor: Actor, table: string): boolean {
  if (isExternal(actor)) return table === TABLE.case && externalScope(actor).length > 0;
  return Object.hasOwn(READ_RULE, table) && READ_RULE[table](actor);
}

/** JRN-3: external users never see work notes. */
export const seesWorkNotes = (actor: Actor) => isInternal(actor);

/**
 * Record tables whose pages the reader cannot open: a sync entry from such a record names it
 * without a link (an agent without incident rights sees "from INC0001234", not a link).
 */
export function hiddenJournalSources(actor: Actor): string[] {
  return Object.keys(READ_RULE).filter((t) => !READ_RULE[t](actor));
}
