import "server-only";
import type { JournalView } from "@/lib/domain/journal/entry";
import { toAttachmentPage, type AttachmentPage } from "@/lib/domain/attachments/rows";
import { describeAuditLines } from "../audit/describe";
import { hoursOf } from "../sla/policy";
import { slaLines } from "../sla/read";
import type { CasePageDocument } from "./page-document";
import type { CaseRow } from "../case-store/row";

// The case page's document (./page-read.ts) as the types the rules and components use: dates as
// Date, the row as Prisma's, references as the form shows them.

const date = (v: string | null) => (v === null ? null : new Date(v));

export function caseRowOf(doc: CasePageDocument): CaseRow {
  const c = doc.case;
  return {
    ...c,
    customerRepliedAt: date(c.customerRepliedAt),
    slaDueAt: date(c.slaDueAt),
    slaWarnAt: date(c.slaWarnAt),
    proposedAt: date(c.proposedAt),
    resolvedAt: date(c.resolvedAt),
    closedAt: date(c.closedAt),
    createdAt: new Date(c.createdAt ?? 0),
    updatedAt: new Date(c.updatedAt ?? 0),
  };
}

/** The case with its references named (what lib/server/cases/record-query.ts built from two reads). */
export function caseRecordOf(doc: CasePageDocument) {
  const row = caseRowOf(doc);
  return {
    ...row,
    account: doc.account,
    partner: doc.partner,
    asset: doc.asset,
    contact: doc.contact,
    consumer: doc.consumer,
    partnerContact: doc.partnerContact,
    assignedTo: doc.assignedTo,
    openedBy: doc.openedBy,
    incident: doc.incident,
    problem: doc.problem,
    change: doc.change,
    causedBy: doc.causedBy,
    parent: doc.parent,
    childCount: Number(doc.childCount),
  };
}
export type CaseRecord = ReturnType<typeof caseRecordOf>;

export function journalOf(doc: CasePageDocument): { entries: JournalView[]; total: number } {
  const entries = doc.journal.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  return { entries, total: Math.max(entries.length, Number(doc.journalCount)) };
}

/** REC-5: the history as people read it; the names of referenced values came with the rows. */
export function auditOf(table: string, doc: CasePageDocument, seesIncidents: boolean) {
  const rows = doc.audit
    .filter((a) => seesIncidents || a.field !== "incidentId")
    .map((a) => ({ ...a, createdAt: new Date(a.createdAt) }));
  const refs = new Map(doc.audit.map((a) => [a.id, a]));
  return describeAuditLines(table, rows, (_kind, _v, row, side) => {
    const found = refs.get(row.id);
    return side === "old" ? found?.oldRef : found?.newRef;
  });
}

/**
 * NOT-5: the case's SLA timers with their time left. A timer counted in business hours says so,
 * stopped ones too (the hours come with the page's read either way): a resolved case's breached
 * business-hours SLA read "breached, 2d 3h over" — 48 working hours written as calendar days.
 */
export function slasOf(doc: Pick<CasePageDocument, "slas" | "slaHours">, now = new Date()) {
  const timers = doc.slas.map((s) => ({
    ...s,
    runningSince: date(s.runningSince),
    dueAt: date(s.dueAt),
    stoppedAt: date(s.stoppedAt),
    suspendedAt: date(s.suspendedAt),
  }));
  const needsHours = timers.some((t) => t.clock === "hours");
  return slaLines(timers, needsHours && doc.slaHours ? hoursOf(doc.slaHours) : null, now);
}

/** NOT-4: the case's files, newest first (the workspace reader sees internal-only ones too). */
export function attachmentsOf(doc: CasePageDocument): AttachmentPage {
  return toAttachmentPage(doc.attachments.map((f) => ({ ...f, createdAt: new Date(f.createdAt) })));
}
