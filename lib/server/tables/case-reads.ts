import "server-only";
// Table "Case": reads for the workspace and the jobs. Writes and locks: ./case.ts; scoped reads: ./case-scope.ts.
import { db, dialect, Prisma, type Tx } from "@/lib/db";
import { CaseState, MajorCaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import type { SourceRecord } from "@/lib/domain/sync/events";
import { caseLinkedTo } from "./case-links";
import { caseLockOrder } from "./case-lock-order";
import { num } from "@/lib/server/tables/sql";

/**
 * POR-1: the SQL form of isDueForAutoClose (lib/domain/cases/auto-close.ts): the ids of at most
 * `limit` cases Resolved at or before the cutoff with no customer answer since, in id order —
 * `within` those ids, read in `tx` (the job asks again once it holds the batch's locks).
 */
export async function findDueForAutoClose(
  cutoff: Date,
  limit: number,
  within?: { tx: Tx; ids: number[] },
): Promise<number[]> {
  if (within && !within.ids.length) return [];
  const rows = await (within?.tx ?? db()).$queryRaw<{ id: unknown }[]>`
    SELECT c."id" FROM "Case" c
    WHERE c."state" = ${CaseState.Resolved} AND c."resolvedAt" IS NOT NULL AND c."resolvedAt" <= ${cutoff}
      ${within ? Prisma.sql`AND c."id" IN (${Prisma.join(within.ids)})` : Prisma.empty}
      AND (c."majorCaseState" IS NULL OR c."majorCaseState" <> ${MajorCaseState.Accepted})
      AND NOT EXISTS (
        SELECT 1 FROM "JournalEntry" j
        WHERE j."table" = ${TABLE.case} AND j."recordId" = c."id" AND j."kind" = 'comments'
          AND j."createdAt" > c."resolvedAt"
          AND (j."authorId" = c."contactId" OR j."authorId" = c."consumerId"))
    ORDER BY c."id" LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
}

export type LinkedCaseRow = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  accountName: string | null;
  customerRepliedAt: unknown;
};

/**
 * The Customer Cases list of a problem, change or request page: the first `limit` cases by
 * number linked to `record` (./case-links.ts), with their account's name, and how many there are in all.
 */
export async function listLinkedCases(
  record: Pick<SourceRecord, "table" | "id">,
  limit: number,
): Promise<{ rows: LinkedCaseRow[]; total: number }> {
  const where = caseLinkedTo("c", record);
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<LinkedCaseRow[]>`
      SELECT c."id", c."number", c."shortDescription", c."state", c."priority", c."customerRepliedAt",
        (SELECT a."name" FROM "Account" a WHERE a."id" = c."accountId") AS "accountName"
      FROM "Case" c WHERE ${where} ORDER BY c."number" LIMIT ${limit}`,
    db().$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "Case" c WHERE ${where}`,
  ]);
  return { rows, total: num(n) };
}

/** A case Notify Customers may reach, with how many active customers it has (0 or 1). */
export type NotifyTarget = { id: number; state: number; majorCaseState: string; customers: unknown };

/**
 * The cases numbered `numbers`, or the children of `parents` but `except`, each with its count of
 * customers. The caller has locked them first (lockCases of notifyReach: a close committing meanwhile
 * waits for the notification) — in one statement, the cases and the children they bring: locked in
 * two, a child older than another selected case was taken out of the one order (SYNC-4).
 */
export function readNotifyTargets(
  tx: Tx,
  which: { numbers: readonly string[] } | { parents: readonly number[]; except: readonly number[] },
): Promise<NotifyTarget[]> {
  const select = Prisma.sql`SELECT k."id", k."state", k."majorCaseState", (SELECT COUNT(*) FROM "User" u
      WHERE u."id" = COALESCE(k."contactId", k."consumerId") AND u."active" = ${true}) AS "customers"
    FROM "Case" k`;
  // Locked again (free for the rows the caller holds): a child added to a major case while this
  // waited for it is not in the caller's lock, and a close of it must still wait for the comment.
  const lock = dialect() === "postgresql" ? Prisma.sql`${caseLockOrder("k")} FOR UPDATE OF k` : Prisma.empty;
  return "numbers" in which
    ? tx.$queryRaw<NotifyTarget[]>`${select} WHERE k."number" IN (${Prisma.join(which.numbers)}) ${lock}`
    : tx.$queryRaw<NotifyTarget[]>`
        ${select} WHERE k."parentId" IN (${Prisma.join(which.parents)})
          AND k."id" NOT IN (${Prisma.join(which.except)}) ${lock}`;
}

export type CaseCustomerRow = {
  id: unknown;
  number: string;
  shortDescription: string;
  state: unknown;
  version: unknown;
  resolutionNotes: string | null;
  replyToken: string;
  userId: unknown;
  email: string;
  name: string;
};

/** Each of `caseIds` with its customer — its contact, else its consumer, when active; none without. */
export function readCaseCustomers(tx: Tx, caseIds: readonly number[]): Promise<CaseCustomerRow[]> {
  return tx.$queryRaw<CaseCustomerRow[]>`
    SELECT k."id", k."number", k."shortDescription", k."state", k."version", k."resolutionNotes", k."replyToken",
      u."id" AS "userId", u."email", u."name"
    FROM "Case" k JOIN "User" u ON u."id" = COALESCE(k."contactId", k."consumerId") AND u."active" = ${true}
    WHERE k."id" IN (${Prisma.join(caseIds)})`;
}

/** The ids of a major case's children in `states` that have a customer to email (MAJ-5, NOT-1). */
/** How many of a major case's children in `states` have an active customer (contact or consumer). */
export function countChildrenWithActiveCustomer(tx: Tx, parentId: number, states: readonly number[]) {
  return tx.case.count({
    where: {
      parentId,
      state: { in: [...states] },
      OR: [{ contact: { active: true } }, { consumer: { active: true } }],
    },
  });
}

export async function childIdsWithCustomerIn(
  tx: Tx,
  parentId: number,
  states: readonly number[],
): Promise<number[]> {
  if (!states.length) return [];
  const rows = await tx.case.findMany({
    where: {
      parentId,
      state: { in: [...states] },
      OR: [{ contactId: { not: null } }, { consumerId: { not: null } }],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/**
 * MAJ-5 / WRK-1: the children in `states` whose assignment a synced change moves: given another
 * assignee — or, unassigned, another group (the group's members hear of it; an unassigned child of
 * another group moved into the major case's queue told nobody).
 */
export function childrenReassigned(
  tx: Tx,
  parentId: number,
  states: readonly number[],
  assignedToId: number | null,
  assignmentGroupId: number | null | undefined,
) {
  // SQL's NOT (x = 5) is not true for a NULL x: a child with nobody assigned is reassigned too.
  const other = (column: "assignedToId" | "assignmentGroupId", value: number | null) =>
    value === null ? { [column]: { not: null } } : { OR: [{ [column]: null }, { [column]: { not: value } }] };
  return tx.case.findMany({
    where: {
      parentId,
      state: { in: [...states] },
      ...(assignedToId === null && assignmentGroupId !== undefined
        ? { OR: [other("assignedToId", null), other("assignmentGroupId", assignmentGroupId)] }
        : other("assignedToId", assignedToId)),
    },
    select: {
      id: true,
      number: true,
      shortDescription: true,
      version: true,
      assignedToId: true,
      assignmentGroupId: true,
    },
  });
}
