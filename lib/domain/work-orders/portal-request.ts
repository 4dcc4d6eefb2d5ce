// FSM-5: a customer requests a work order, with a proposed appointment window, on their own open
// case in the portal. Pure rules: who may, on which case, and what the request must hold.
import { z } from "zod";
import { hasRole, ROLE, type Actor } from "../auth/roles";
import { invalid } from "../errors";
import { OPEN_CASE_STATES } from "../records/choices";
import { LIMITS, optionalDate, parseOrThrow, requiredText } from "../validation";
import { requestKeySchema } from "../validation";
import { checkWindow } from "./window";

export const portalWorkOrderRequestSchema = z.object({
  description: requiredText("Description", LIMITS.description),
  windowStart: optionalDate("Window start"),
  windowEnd: optionalDate("Window end"),
  requestKey: requestKeySchema,
});
export type PortalWorkOrderRequestInput = z.input<typeof portalWorkOrderRequestSchema>;

/**
 * The request, checked field by field; the proposed window is required, its start before its end
 * and still to come (a visit is proposed for the future; 2001 was a typo, not a wish).
 */
export function parsePortalWorkOrderRequest(input: unknown, now = new Date()) {
  const data = parseOrThrow(portalWorkOrderRequestSchema, input);
  if (!data.windowStart) throw invalid("windowStart", "Window start is required.");
  if (!data.windowEnd) throw invalid("windowEnd", "Window end is required.");
  const window = checkWindow({ windowStart: null, windowEnd: null }, data);
  if (data.windowStart.getTime() <= now.getTime())
    throw invalid("windowStart", "Window start must be in the future: propose when the visit could be.");
  return { description: data.description, requestKey: data.requestKey, ...window };
}

type CaseParties = {
  state: number;
  accountId: number | null;
  contactId: number | null;
  consumerId: number | null;
  parentId: number | null;
};

/** "Own" case: the user is its contact or consumer, or a customer admin of its account (not a partner). */
export function ownsCase(actor: Actor, c: CaseParties): boolean {
  if (c.contactId === actor.id || c.consumerId === actor.id) return true;
  return (
    actor.kind === "contact" &&
    actor.accountId !== null &&
    actor.accountId === c.accountId &&
    hasRole(actor, ROLE.customerAdmin)
  );
}

/** Why the actor may not request a work order on this case (which they can see), or null. */
export function portalRequestRefusal(actor: Actor, c: CaseParties): string | null {
  if (!ownsCase(actor, c))
    return "Only the case's contact or consumer, or a customer admin of its account, can request a work order.";
  if (!OPEN_CASE_STATES.includes(c.state))
    return "A work order can be requested only on an open case (New, Open or Awaiting Info).";
  // MAJ-3: a child case creates no records — the workspace offers no create item on one either; the
  // work is the major case's.
  if (c.parentId !== null)
    return "This case is handled as part of a wider issue (a major case): a work order cannot be requested on it.";
  return null;
}
