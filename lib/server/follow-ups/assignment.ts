import "server-only";
import type { Tx } from "@/lib/db";
import { assignmentRecipients, type Assignment } from "@/lib/domain/assignment/assignment";
import { assignmentMail } from "@/lib/domain/assignment/mail";
import { TABLE, TABLE_LABEL, type TableName } from "@/lib/domain/records/tables";
import { recordUrl } from "../app-url";
import { enqueueMail } from "../outbox/write";
import { groupFacts } from "../assignment/members";
import { usersWithKindOn } from "../notifications/preferences";

export type AssignedRecord = {
  table: TableName;
  id: number;
  number: string;
  shortDescription: string;
  /** The record's version after the change: one email per change, whatever retries happen. */
  version: number;
};

/**
 * WRK-1: after a change of Assignment group or Assigned to, an outbox email (REL-4, in the
 * transaction of the change) to the new assignee — or, with none, to the group's active members —
 * never to the person who made the change, nor to anyone who turned "Assigned to me" off (NOT-2).
 */
export async function notifyAssignment(
  tx: Tx,
  actor: { id: number | null; name: string } | null,
  record: AssignedRecord,
  before: Assignment,
  after: Assignment,
): Promise<number> {
  // With nobody assigned, the members who can work the record hear of it.
  const kind =
    record.table === TABLE.incident ? "incident" : record.table === TABLE.case ? "case" : undefined;
  const group = await groupFacts(tx, after.assignmentGroupId, kind);
  const ids = assignmentRecipients(before, after, actor?.id ?? null, group?.activeMemberIds ?? []);
  if (!ids.length) return 0;
  const people = await usersWithKindOn(tx, ids, "assigned");
  const mail = assignmentMail({
    noun: TABLE_LABEL[record.table],
    number: record.number,
    shortDescription: record.shortDescription,
    by: actor?.name ?? "Caseflow",
    groupName: after.assignedToId === null ? (group?.name ?? null) : null,
    link: recordUrl(record.table, record.number),
  });
  let queued = 0;
  for (const p of people) {
    const sent = await enqueueMail(tx, {
      dedupeKey: `${record.table}:${record.id}:assigned:v${record.version}:${p.id}`,
      recipient: p.email,
      subject: mail.subject,
      body: mail.body,
      event: `${record.table}.assigned`,
      source: { table: record.table, id: record.id },
    });
    if (sent) queued++;
  }
  return queued;
}
