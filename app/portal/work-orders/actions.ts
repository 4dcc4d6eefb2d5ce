"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { externalScope } from "@/lib/domain/scope/external";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { requestWorkOrder } from "@/lib/server/portal/work-order-request";

// FSM-5: Request a work order from the portal case page. The service checks the scope (not
// found outside it), the case (own, open), the plugin and the input again.

/** For customers, partners and consumers with a portal role. */
const isPortalUser = (a: Parameters<typeof externalScope>[0]) => externalScope(a).length > 0;

export async function requestWorkOrderAction(caseNumber: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "requestWorkOrder",
    allow: isPortalUser,
    run: (actor) => requestWorkOrder(actor, recordNumber(caseNumber, "Case"), formObject(form)),
    revalidate: (r) => [
      `/portal/cases/${r.caseNumber}`,
      "/portal/work-orders",
      `/portal/work-orders/${r.number}`,
    ],
    success: (r) =>
      r.created ? `Work order ${r.number} requested.` : `Work order ${r.number} was already requested.`,
  });
}
