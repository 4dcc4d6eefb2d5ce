import "server-only";
import type { Tx } from "@/lib/db";
import { customerRepliedMail } from "@/lib/domain/notifications/customer-replied";
import { TABLE } from "@/lib/domain/records/tables";
import { recordUrl } from "../app-url";
import { enqueueMail } from "../outbox/write";
import { usersWithKindOn } from "./preferences";

export type RepliedCase = {
  id: number;
  number: string;
  shortDescription: string;
  assignedToId: number | null;
};

/**
 * NOT-2: the case's assignee hears that its customer replied — an outbox email in the reply's
 * transaction (REL-4), unless they turned "Customer replied" off or are no longer active. One email
 * per journal entry and assignee (the dedupe key): a retried reply never sends it twice. With
 * nobody assigned nothing is sent — the group's queue shows the "Customer replied" mark (WRK-3).
 */
export async function notifyCustomerReplied(
  tx: Tx,
  c: RepliedCase,
  reply: { entryId: number; customerName: string; body: string },
): Promise<boolean> {
  if (c.assignedToId === null) return false;
  const [assignee] = await usersWithKindOn(tx, [c.assignedToId], "customer_replied");
  if (!assignee) return false;
  const mail = customerRepliedMail({
    number: c.number,
    shortDescription: c.shortDescription,
    customerName: reply.customerName,
    reply: reply.body,
    link: recordUrl(TABLE.case, c.number),
  });
  return enqueueMail(tx, {
    dedupeKey: `${TABLE.case}:${c.id}:customer_replied:${reply.entryId}:${assignee.id}`,
    recipient: assignee.email,
    subject: mail.subject,
    body: mail.body,
    event: `${TABLE.case}.customer_replied`,
    source: { table: TABLE.case, id: c.id },
  });
}
