"use server";
import { canNotifyCustomers, notifySummary, type NotifyInput } from "@/lib/domain/proactive/notify";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { notifyCustomers } from "@/lib/server/proactive/notify";
import type { ActionResult } from "@/lib/domain/action-result";

/** PRO-3 Notify Customers, from the case list and an incident's cases (fields: cases, message, requestId). */
export async function notifyCustomersAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "notifyCustomers",
    allow: canNotifyCustomers,
    run: (actor) => notifyCustomers(actor, formObject<NotifyInput>(form)),
    revalidate: () => ["/cases"],
    success: notifySummary,
  });
}
