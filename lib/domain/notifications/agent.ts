import { z } from "zod";
import { canWriteCases, INTERNAL_ROLES, isInternal, isMajorIssueManager, type Actor } from "../auth/roles";
import { booleanText } from "../validation";

// NOT-2: the notifications an agent gets by email, each of which they can turn off at
// /account/notifications. Defined once: the preferences page, the senders and the tests name them
// from here.
export const AGENT_NOTIFICATIONS = [
  {
    kind: "assigned",
    label: "Assigned to me",
    description: "A case or incident is assigned to you, or to your group with nobody assigned.",
  },
  {
    kind: "customer_replied",
    label: "Customer replied",
    description: "The customer answers on a case assigned to you, in the portal or by email.",
  },
  {
    kind: "sla",
    label: "SLA warnings",
    description: "An SLA of a case assigned to you is about to breach (30 minutes left) or has breached.",
  },
  {
    // MAJ-1's email to the people who decide on a candidate: theirs to turn off like the others.
    kind: "major_proposed",
    label: "Major case proposed",
    description: "An agent proposes a case as a major case, for you to accept or reject.",
    onlyFor: isMajorIssueManager,
  },
  {
    // MAJ-1's answer to the one who proposed: accepted (the new major case) or rejected (the reason).
    kind: "major_decided",
    label: "Major case decided",
    description: "A case you proposed as a major case is accepted or rejected.",
    onlyFor: canWriteCases,
  },
] as const;

export type AgentNotificationKind = (typeof AGENT_NOTIFICATIONS)[number]["kind"];

export function isAgentNotificationKind(kind: string): kind is AgentNotificationKind {
  return AGENT_NOTIFICATIONS.some((n) => n.kind === kind);
}

/** The kinds this person gets, so the kinds they may turn off: a kind with `onlyFor` is theirs when it holds. */
export function agentNotificationsFor(a: Actor) {
  return AGENT_NOTIFICATIONS.filter((n) => !("onlyFor" in n) || n.onlyFor(a));
}

/**
 * NOT-2: who has agent notifications to choose — internal users with an internal role, the people
 * work is assigned to (a group's members are those, WRK-1). Customers get none.
 */
export const canChooseAgentNotifications = (a: Actor) =>
  isInternal(a) && INTERNAL_ROLES.some((r) => a.roles.includes(r));

const KINDS = AGENT_NOTIFICATIONS.map((n) => n.kind) as [AgentNotificationKind, ...AgentNotificationKind[]];
const oneOfKinds = `Notification must be one of: ${AGENT_NOTIFICATIONS.map((n) => n.label).join(", ")}.`;

/** NOT-2: one kind turned on or off by the person themselves (there is no user field: always their own). */
export const agentNotificationSchema = z.object({
  kind: z.enum(KINDS, {
    error: (iss) => (iss.input === undefined ? "Notification is required." : oneOfKinds),
  }),
  // A form sends "true"/"false"; a caller in code may send the boolean.
  enabled: z.preprocess((v) => (typeof v === "boolean" ? String(v) : v), booleanText("On")),
});
export type AgentNotificationInput = { [K in keyof z.input<typeof agentNotificationSchema>]?: unknown };
