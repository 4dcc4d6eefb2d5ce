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
export function notifyAssignment(
  tx: Tx,
  actor: { id: number | null; name: string } | null,
  record: AssignedRecord,
  before: Assignment,
  after: Assignment,
): Promise<number> {
  // Only the assignment of `before` (callers pass the whole row as it was: its version is older).
  const { assignmentGroupId, assignedToId } = before;
  return notifyAssignments(tx, actor, [{ ...record, assignmentGroupId, assignedToId }], after);
}

/**
 * notifyAssignment for many records of one table given the same assignment (a major case's synced
 * to its children, MAJ-5): the group and the recipients' preferences are read once, not per record;
 * one email per record and recipient, each deduplicated by the record's version.
 */
export async function notifyAssignments(
  tx: Tx,
  actor: { id: number | null; name: string } | null,
  records: readonly (AssignedRecord & Assignment)[],
  after: Assignment,
): Promise<number> {
  if (!records.length) return 0;
  const table = records[0].table;
  // With nobody assigned, the members who can work the record hear of it.
  const kind = table === TABLE.incident ? "incident" : table === TABLE.case ? "case" : undefined;
  const group = await groupFacts(tx, after.assignmentGroupId, kind);
  const people = new Map<string, Awaited<ReturnType<typeof usersWithKindOn>>>();
  let queued = 0;
  for (const record of records) {
    const ids = assignmentRecipients(record, after, actor?.id ?? null, group?.activeMemberIds ?? []);
    if (!ids.length) continue;
    const key = ids.join(",");
    if (!people.has(key)) people.set(key, await usersWithKindOn(tx, ids, "assigned"));
    const mail = assignmentMail({
      noun: TABLE_LABEL[record.table],
      number: record.number,
      shortDescription: record.shortDescription,
      by: actor?.name ?? "Caseflow",
      groupName: after.assignedToId === null ? (group?.name ?? null) : null,
      link: recordUrl(record.table, record.number),
    });
    for (const p of people.get(key)!) {
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
  }
  return queued;
}
