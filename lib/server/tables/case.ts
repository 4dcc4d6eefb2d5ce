import "server-only";
// Table "Case": its writes and row locks. Reads: ./case-reads.ts; an external user's scoped reads: ./case-scope.ts.
import { db, dialect, Prisma, type Tx } from "@/lib/db";
import type { MapValue } from "@/lib/domain/field-maps/rules";
import { numberedRows, type CaseSelection, type NumberedCase } from "./case-selection";
import { caseComments, type CommentSelection } from "./outbox-message";
import { caseLockOrder } from "./case-lock-order";
import type { LockStrength } from "./row-locks";
import { randomHex } from "./sql";

/**
 * WRK-3: the assignee has opened the case — the "Customer replied" mark is cleared, unless a
 * reply written after `seenAt` (the mark the page read) set it again.
 */
export function clearCustomerReplied(caseId: number, seenAt: Date) {
  return db().$executeRaw`UPDATE "Case" SET "customerRepliedAt" = NULL
      WHERE "id" = ${caseId} AND "customerRepliedAt" <= ${seenAt}`;
}

/** WRK-3: a customer replied on the case — it carries the "Customer replied" mark until its assignee opens it. */
export function markCustomerReplied(tx: Tx, caseId: number, at: Date) {
  return tx.$executeRaw`UPDATE "Case" SET "customerRepliedAt" = ${at} WHERE "id" = ${caseId}`;
}

/**
 * PostgreSQL: locks the selected cases (caseLockOrder) for the rest of the transaction, so two
 * overlapping batches queue, never deadlock, and the rows stay as read until they are updated.
 * SQLite: nothing (its write transaction holds the database).
 */
export async function lockCases(
  tx: Tx,
  cases: CaseSelection,
  strength: LockStrength = "UPDATE",
): Promise<void> {
  if (dialect() !== "postgresql") return;
  await tx.$queryRaw`SELECT k."id" FROM "Case" k
    WHERE ${cases.where} ${caseLockOrder("k")} FOR ${Prisma.raw(strength)}`;
}

/** Gives each case of a selected comment that has a customer and no reply token yet its token. */
export function fillReplyTokensOfComments(tx: Tx, entries: CommentSelection): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Case" SET "replyToken" = ${randomHex()}
    WHERE "replyToken" IS NULL AND COALESCE("contactId", "consumerId") IS NOT NULL
      AND "id" IN (SELECT j."recordId" FROM "JournalEntry" j WHERE ${caseComments(entries)})`;
}

/** Gives each of `caseIds` that has a customer and no reply token yet its token. */
export function fillReplyTokens(tx: Tx, caseIds: readonly number[]): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Case" SET "replyToken" = ${randomHex()}
    WHERE "id" IN (${Prisma.join(caseIds)}) AND "replyToken" IS NULL
      AND COALESCE("contactId", "consumerId") IS NOT NULL`;
}

/** SQLite binds no booleans: 1/0 there, true/false on PostgreSQL. */
const bound = (v: MapValue) => (typeof v === "boolean" && dialect() !== "postgresql" ? (v ? 1 : 0) : v);

/**
 * INSERT … SELECT of the proactive cases of `rows`, every one with the same mapped `data` (by
 * Prisma column; columns come from the field map catalog, never from input), its own account
 * and number, the account's primary contact as contact (PRO-2; only while active and of that
 * account), and `parentId` when they are children of a major case.
 */
export async function insertProactiveCases(
  tx: Tx,
  rows: readonly NumberedCase[],
  data: Record<string, MapValue>,
  extra: { parentId: number | null; openedById: number; now: Date },
) {
  const { accountId: _a, contactId: _c, parentId: _p, ...shared } = data;
  const columns = Object.keys(shared);
  const names = Prisma.join(columns.map((c) => Prisma.raw(`"${c}"`)));
  const values = Prisma.join(columns.map((c) => Prisma.sql`${bound(shared[c])}`));
  return tx.$executeRaw`
    INSERT INTO "Case" ("number", "accountId", "contactId", "parentId", "openedById", "createdAt", "updatedAt",
      ${names})
    SELECT t."number", t."accountId", u."id", ${extra.parentId}, ${extra.openedById}, ${extra.now},
      ${extra.now}, ${values}
    FROM (${numberedRows(rows)}) t JOIN "Account" a ON a."id" = t."accountId"
    LEFT JOIN "User" u ON u."id" = a."primaryContactId" AND u."accountId" = a."id" AND u."active" = ${true}`;
}

/**
 * NOT-5 / WRK-2: the time the lists read for a case's SLAs — the earliest of its running timers' due
 * times and of its open breaches — so a case whose breached SLA is paused (Awaiting Info: no due
 * time) stays in the Breached filter and Needs attention, its SLA column "overdue", while its clock
 * waits for the customer; and when it runs again (due "now", nothing left to count) the column still
 * says since when, not "overdue 0m". Not a stopped timer (met or breached for good), nor a suspended
 * one: its priority has no such target now.
 */
const BREACHED_OPEN = Prisma.sql`CASE WHEN s."stoppedAt" IS NULL AND s."suspendedAt" IS NULL
  THEN s."breachedAt" END`;
/**
 * Per timer the earlier of its open breach and `time` (either may be null: the other then), and the
 * case's earliest of those: a running breached timer counts from its due time (its mark comes up to
 * a minute later — or hours, after the job was down), a resumed one from its breach. (Neither
 * database's two-argument least is null-safe on both: SQLite's min(a, b) is null when one is.)
 */
const earliestOf = (time: Prisma.Sql) =>
  Prisma.sql`MIN(CASE WHEN ${BREACHED_OPEN} IS NOT NULL AND (${time} IS NULL OR ${BREACHED_OPEN} < ${time})
    THEN ${BREACHED_OPEN} ELSE ${time} END)`;
const SLA_DUE = earliestOf(Prisma.sql`s."dueAt"`);
const SLA_WARN = earliestOf(Prisma.sql`s."warnAt"`);

/** Cases whose due time is refreshed in one statement (within both databases' bound-value limits). */
const SLA_DUE_CASES_PER_STATEMENT = 5_000;

/**
 * The cases' earliest due and warning times of their running SLA timers (MIN skips the paused and
 * stopped ones' nulls) or open breaches (SLA_DUE), kept on each case for the lists and WRK-2's
 * attention: one statement per 5,000 cases.
 */
export async function refreshSlaDueOf(tx: Tx, caseIds: readonly number[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += SLA_DUE_CASES_PER_STATEMENT)
    await tx.$executeRaw`
      UPDATE "Case" SET ("slaDueAt", "slaWarnAt") = (
        SELECT ${SLA_DUE}, ${SLA_WARN} FROM "CaseSla" s WHERE s."caseId" = "Case"."id")
      WHERE "id" IN (${Prisma.join(caseIds.slice(i, i + SLA_DUE_CASES_PER_STATEMENT))})`;
}

/** refreshSlaDueOf for one case (one statement). */
export const refreshSlaDue = (tx: Tx, caseId: number): Promise<void> => refreshSlaDueOf(tx, [caseId]);
