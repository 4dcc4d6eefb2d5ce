import "server-only";
import type { Tx } from "@/lib/db";
import { mailFor, openedMail, type IncidentMail } from "@/lib/domain/notifications/incident";
import type { SyncEvent } from "@/lib/domain/sync/events";
import { TABLE } from "@/lib/domain/records/tables";
import { enqueueMail } from "../outbox/write";

type IncidentForMail = {
  id: number;
  number: string;
  shortDescription: string;
  callerId: number | null;
  callerNotificationsSuppressed: boolean;
};

async function queue(tx: Tx, incident: IncidentForMail, mail: IncidentMail, key: string) {
  if (!incident.callerId) return false;
  // Only an active caller is emailed, as a case's customer is (a deactivated one has left).
  const caller = await tx.user.findUnique({
    where: { id: incident.callerId, active: true },
    select: { email: true },
  });
  if (!caller) return false;
  return enqueueMail(tx, {
    dedupeKey: `incident:${incident.id}:${mail.event}:${key}`,
    recipient: caller.email,
    subject: mail.subject,
    body: mail.body,
    event: `incident.${mail.event}`,
    source: { table: TABLE.incident, id: incident.id },
    // INC-7: the customer hears through the case instead; the suppression is recorded.
    suppressedBecause: incident.callerNotificationsSuppressed
      ? "Caller is external and the incident is linked to a case: the customer is informed through the case."
      : null,
  });
}

/** INC-7: the caller email for a new incident. */
export function notifyIncidentOpened(tx: Tx, incident: IncidentForMail) {
  return queue(tx, incident, openedMail(incident), "created");
}

/** INC-7: the caller email an update or comment causes (on hold, resolved, commented), if any. */
export function notifyIncidentEvent(tx: Tx, incident: IncidentForMail, event: SyncEvent) {
  const mail = mailFor(event, incident);
  if (!mail) return Promise.resolve(false);
  return queue(
    tx,
    incident,
    mail,
    event.type === "comment" ? `comment:${event.entryId}` : `v${event.version}`,
  );
}
