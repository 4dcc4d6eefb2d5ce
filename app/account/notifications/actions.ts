"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import {
  AGENT_NOTIFICATIONS,
  canChooseAgentNotifications,
  type AgentNotificationInput,
} from "@/lib/domain/notifications/agent";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { setAgentNotification } from "@/lib/server/notifications/preferences";

/**
 * NOT-2: an agent turns one kind of notification on or off for themselves (the switch sends the kind
 * and `enabled`, its new value). Only internal users with a role (ROLE-2: checked here and again by
 * the service); there is no user field: it is always the caller's own.
 */
export async function setAgentNotificationAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setAgentNotification",
    allow: canChooseAgentNotifications,
    run: (actor) => setAgentNotification(actor, formObject<AgentNotificationInput>(form)),
    revalidate: () => ["/account/notifications"],
    success: (r) => {
      const label = AGENT_NOTIFICATIONS.find((n) => n.kind === r.kind)?.label ?? r.kind;
      return `${label} notifications ${r.enabled ? "on" : "off"}.`;
    },
  });
}
