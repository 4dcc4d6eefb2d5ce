import "server-only";
// "Case", by link: which cases a related record reaches, as SQL over "Case" for the statements here.
import { dialect, Prisma } from "@/lib/db";
import { MajorCaseState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import type { SourceRecord } from "@/lib/domain/sync/events";
import type { CaseSelection } from "./case-selection";

// Which cases a related record's note reaches (SYNC-4, MAJ-4), as SQL selecting case ids — the
// set-based form of lib/domain/major/roll-up.ts. One row per case even when a case links the
// record twice (Change Request and Caused by Change, SYNC-3).

/** Case `a` is linked to the record (also the Customer Cases list of problem, change and request pages). */
export function caseLinkedTo(a: string, s: Pick<SourceRecord, "table" | "id">): Prisma.Sql {
  const c = Prisma.raw(a);
  switch (s.table) {
    case "incident":
      return Prisma.sql`${c}."incidentId" = ${s.id}`;
    case "problem":
      return Prisma.sql`${c}."problemId" = ${s.id}`;
    case "change_request":
      return Prisma.sql`(${c}."changeId" = ${s.id} OR ${c}."causedById" = ${s.id})`;
    // An IN over the request's one case: a key lookup (a correlated EXISTS would scan every case on SQLite).
    case "sc_request":
      return Prisma.sql`${c}."id" IN (SELECT r."caseId" FROM "Request" r WHERE r."id" = ${s.id})`;
    case "wm_order":
      return Prisma.sql`${c}."id" IN (SELECT w."caseId" FROM "WorkOrder" w WHERE w."id" = ${s.id})`;
    default:
      throw new Error(`no case link for table ${s.table}`);
  }
}

/** Case `a` holds a record of the source's type at all. */
function hasRecordOfType(a: string, s: Pick<SourceRecord, "table">): Prisma.Sql {
  const c = Prisma.raw(a);
  switch (s.table) {
    case "incident":
      return Prisma.sql`${c}."incidentId" IS NOT NULL`;
    case "problem":
      return Prisma.sql`${c}."problemId" IS NOT NULL`;
    case "change_request":
      return Prisma.sql`(${c}."changeId" IS NOT NULL OR ${c}."causedById" IS NOT NULL)`;
    case "sc_request":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Request" r WHERE r."caseId" = ${c}."id")`;
    case "wm_order":
      return Prisma.sql`EXISTS (SELECT 1 FROM "WorkOrder" w WHERE w."caseId" = ${c}."id")`;
    default:
      throw new Error(`no case link for table ${s.table}`);
  }
}

/**
 * Case `a` is linked to another record of the same type instead (MAJ-4: then it gets only its
 * own record's updates) — the `otherRecord` of lib/domain/major/roll-up.ts.
 */
function otherRecord(a: string, s: Pick<SourceRecord, "table" | "id">): Prisma.Sql {
  return Prisma.sql`(NOT ${isLinked(a, s)} AND ${hasRecordOfType(a, s)})`;
}

/** `caseLinkedTo` with NULLs read as "no" (a case with no change has changeId NULL, not "unknown"). */
const isLinked = (a: string, s: Pick<SourceRecord, "table" | "id">) =>
  Prisma.sql`COALESCE(${caseLinkedTo(a, s)}, false)`;

/**
 * Linked cases, except children whose major case is linked too (that one is noted instead).
 * The parent is joined by primary key: an anti-join (NOT EXISTS) here let PostgreSQL, with
 * statistics that had not caught up with a bulk link, rescan every linked case per case.
 */
export function directCaseIds(s: Pick<SourceRecord, "table" | "id">): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id" FROM "Case" c LEFT JOIN "Case" p ON p."id" = c."parentId"
    WHERE ${caseLinkedTo("c", s)} AND (p."id" IS NULL OR NOT ${isLinked("p", s)})`;
}

/**
 * SQLite's statistics count every NULL parentId as one value, so `parentId = ?` looks as wide as
 * the table and it walked the open cases by state instead — 40–60 ms per synced note at 100,000
 * cases (issue 10 bench). The few children of a major case are found by parentId.
 */
const byParent = () => (dialect() === "sqlite" ? Prisma.sql`INDEXED BY "Case_parentId_idx"` : Prisma.empty);

/**
 * Every case a note of `s` reaches, the copies to children included (unless `copies` is false): the
 * fan-out locks them in one statement (lockCases, in caseLockOrder) before the notes are written.
 * Written by two statements, each locked its own cases but not the two together — two fan-outs at
 * once, each reaching the other's cases in the other statement, deadlocked (an incident's and a
 * problem's comment, with major cases between).
 */
export function fanOutCases(s: Pick<SourceRecord, "table" | "id">, copies = true): CaseSelection {
  const ids = copies ? Prisma.sql`${directCaseIds(s)} UNION ${copiedChildIds(s)}` : directCaseIds(s);
  return { where: Prisma.sql`k."id" IN (${ids})` };
}

/** Children of linked major cases that receive the major case's note as a copy (work_notes synced). */
export function copiedChildIds(s: Pick<SourceRecord, "table" | "id">): Prisma.Sql {
  return Prisma.sql`
    SELECT k."id" FROM "Case" k ${byParent()} JOIN "Case" m ON m."id" = k."parentId"
    WHERE ${caseLinkedTo("m", s)} AND m."majorCaseState" = ${MajorCaseState.Accepted}
      AND k."state" IN (${Prisma.join(OPEN_CASE_STATES)})
      AND NOT ${otherRecord("k", s)}`;
}
