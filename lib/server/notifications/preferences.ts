import "server-only";
import { db, transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import {
  AGENT_NOTIFICATIONS,
  agentNotificationsFor,
  agentNotificationSchema,
  canChooseAgentNotifications,
  type AgentNotificationInput,
  type AgentNotificationKind,
} from "@/lib/domain/notifications/agent";
import { parseOrThrow } from "@/lib/domain/validation";
import { insertOff } from "@/lib/server/tables/notification-off";

// NOT-2: each person turns each kind of agent notification on or off for themselves. A
// NotificationOff row is a kind turned off; no row is on, so a new user gets every notification.

function assertCanChoose(actor: Actor) {
  if (!canChooseAgentNotifications(actor))
    throw forbidden("Only internal users with a role get agent notifications.");
}

/** The person's own choices: every kind they get (agentNotificationsFor) with whether it is on. */
export async function agentNotificationPreferences(actor: Actor) {
  assertCanChoose(actor);
  const off = await db().notificationOff.findMany({ where: { userId: actor.id }, select: { kind: true } });
  const offKinds = new Set(off.map((o) => o.kind));
  return agentNotificationsFor(actor).map((n) => ({
    kind: n.kind,
    label: n.label,
    description: n.description,
    enabled: !offKinds.has(n.kind),
  }));
}

/**
 * Turns one kind on or off for the person themselves (the input names no user). Idempotent: the
 * same choice again changes nothing (`changed` false), also when two arrive at once.
 */
export async function setAgentNotification(actor: Actor, raw: AgentNotificationInput) {
  assertCanChoose(actor);
  const { kind, enabled } = parseOrThrow(agentNotificationSchema, raw);
  if (!agentNotificationsFor(actor).some((n) => n.kind === kind)) {
    const label = AGENT_NOTIFICATIONS.find((n) => n.kind === kind)?.label ?? kind;
    throw invalid("kind", `${label} is not a notification you get.`);
  }
  const changed = await transaction(async (tx) => {
    if (enabled)
      return (await tx.notificationOff.deleteMany({ where: { userId: actor.id, kind } })).count > 0;
    return (await insertOff(tx, actor.id, kind, new Date())) > 0;
  });
  return { kind, enabled, changed };
}

/**
 * For senders: of `userIds`, the active internal users who have not turned `kind` off, with what an
 * email needs — one query whatever the number of recipients.
 */
export async function usersWithKindOn(tx: Tx, userIds: readonly number[], kind: AgentNotificationKind) {
  if (!userIds.length) return [];
  return tx.user.findMany({
    where: {
      id: { in: [...userIds] },
      kind: "internal",
      active: true,
      notificationsOff: { none: { kind } },
    },
    select: { id: true, name: true, email: true },
    orderBy: { id: "asc" },
  });
}
