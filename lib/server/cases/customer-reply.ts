import "server-only";
import type { Tx } from "@/lib/db";
import { planCaseStateChange } from "@/lib/domain/cases/lifecycle";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { commentEvents } from "@/lib/domain/sync/events";
import { appendJournal } from "../journal/write";
import { notifyCustomerReplied } from "../notifications/customer-replied";
import { notifyIncidentEvent } from "../notifications/incident";
import { booleanProperty } from "../properties/read";
import { activePlugins } from "../plugins/read";
import { oncePerTransaction } from "../transaction-memo";
import { applyCasePatch } from "../case-change/persist";
import { findLockedCase, type CaseRow } from "../case-store/row";
import { notesReachChildren, runSync } from "../sync/run";
import { fanOutCases } from "../tables/case-links";
import { lockCases, markCustomerReplied } from "@/lib/server/tables/case";

/**
 * PRO-4 / REL-2: the case a customer replies on, row-locked — after, when the reply is copied to the
 * incident, the cases that copy's work notes will reach, locked in the fan-out's own order (the
 * incident's cases, then the children of its major cases: lib/server/sync/fan-out.ts). The fan-out
 * locks them in id order; a reply that held its own case first could hold one another fan-out
 * waited for while waiting for that one's: two customers replying at once on one incident's cases,
 * or a reply beside an agent's incident comment, and PostgreSQL aborted one (deadlock detected).
 * The replying case is usually one of those cases, so it is already held when findLockedCase asks.
 */
/**
 * PRO-4's switch, read once per transaction: the reply locks the cases its copy will reach when it
 * is on, and copies only then — read twice, an admin turning it on in between made a copy that
 * took none of those locks first (the deadlock above). The copy is part of the integration: with
 * its plugin inactive (ITSM-5), the cases show no incident and no sync runs, so nothing is copied
 * either (a reply reached the incident, and its caller's inbox, all the same).
 */
const copiesToIncident = (tx: Tx) =>
  oncePerTransaction(
    tx,
    PROPERTY.commentsSync,
    async () =>
      (await booleanProperty(PROPERTY.commentsSync, tx)) &&
      (await activePlugins(tx)).has(PLUGIN.serviceManagement),
  );

export async function lockCaseForReply(tx: Tx, number: string): Promise<CaseRow | null> {
  const found = await tx.case.findUnique({ where: { number }, select: { incidentId: true } });
  if (!found) return null;
  const copies = await copiesToIncident(tx);
  if (copies && found.incidentId) await lockFanOut(tx, found.incidentId);
  const row = await findLockedCase(tx, number);
  // Linked to another incident meanwhile: that one's cases too (out of order, but rare — and
  // the copy must not fan out to cases nobody locked first).
  if (copies && row?.incidentId && row.incidentId !== found.incidentId) await lockFanOut(tx, row.incidentId);
  return row;
}

/** The cases an incident's comment reaches, in the fan-out's own order (lib/server/sync/fan-out.ts). */
async function lockFanOut(tx: Tx, incidentId: number) {
  const incident = { table: TABLE.incident, id: incidentId };
  await lockCases(tx, fanOutCases(incident, await notesReachChildren(tx)));
}

export type CustomerReply = {
  /** The case, row-locked by the caller in this transaction (lockCaseForReply); not Closed or Cancelled. */
  caseRow: CaseRow;
  /** The case's contact or consumer who wrote the reply. */
  customer: { id: number; name: string };
  /** Checked text: non-empty, within the journal limit, no control characters. */
  body: string;
  /** A retry with the same key writes nothing (the inbound message's dedupe key, a portal form key). */
  idempotencyKey: string;
};

/** A customer's reply brings these back to Open: an answer to Request Info, a rejected solution. */
const REOPENED_BY_A_REPLY = new Set<number>([CaseState.AwaitingInfo, CaseState.Resolved]);

export type CustomerReplyResult = {
  entryId: number | null;
  reopened: boolean;
};

/**
 * A customer's reply on their case — by email (PRO-5) or in the portal — inside the caller's
 * transaction: an additional comment authored by the customer (its insert moves the case's
 * Updated time, WRK-3); an Awaiting Info case returns to Open (audited as the customer's change,
 * §1), and so does a Resolved one — the reply rejects the solution and is its reason (WRK-3,
 * POR-1); the case carries the "Customer replied" mark until its assignee opens it (WRK-3) and
 * the assignee is emailed (NOT-2); and with PRO-4 on, the copy on the incident.
 */
export async function addCustomerReply(tx: Tx, r: CustomerReply): Promise<CustomerReplyResult> {
  const entryId = await appendJournal(tx, {
    table: TABLE.case,
    recordId: r.caseRow.id,
    kind: "comments",
    body: r.body,
    author: r.customer,
    idempotencyKey: r.idempotencyKey,
  });
  if (entryId === null) return { entryId, reopened: false };
  await markCustomerReplied(tx, r.caseRow.id, new Date());
  // Step "Email the assignee" (NOT-2): the case's assignee hears of the reply, unless they turned
  // "Customer replied" off; with nobody assigned, nobody is emailed.
  await notifyCustomerReplied(tx, r.caseRow, {
    entryId,
    customerName: r.customer.name,
    body: r.body,
  });
  const reopened = REOPENED_BY_A_REPLY.has(r.caseRow.state);
  if (reopened) {
    const patch = planCaseStateChange(r.caseRow.state, CaseState.Open, {}, new Date());
    await applyCasePatch(tx, r.customer, r.caseRow, r.caseRow.version, patch);
  }
  await copyToIncident(tx, r, entryId);
  return { entryId, reopened };
}

/**
 * PRO-4: with proactive_workflows_for_providers.additional_comments_sync on, the reply is also an
 * additional comment on the case's incident, authored by the customer; the incident's comment
 * rule ("Update case worknote for comments change") then writes it to the work notes of the
 * incident's cases through the ordinary sync path (runSync) — unless an admin made it inactive —
 * and an internal caller hears of it as of any incident comment (INC-7) — an external caller never
 * does, since they may be a customer of another account. Off: the reply stays on its case.
 */
const COPY_RULE = "Customer reply copied to the incident";

async function copyToIncident(tx: Tx, r: CustomerReply, caseEntryId: number): Promise<boolean> {
  if (!r.caseRow.incidentId || !(await copiesToIncident(tx))) return false;
  const incident = await tx.incident.findUnique({
    where: { id: r.caseRow.incidentId },
    select: {
      id: true,
      number: true,
      shortDescription: true,
      callerId: true,
      callerNotificationsSuppressed: true,
    },
  });
  if (!incident) return false;
  const id = await appendJournal(tx, {
    table: TABLE.incident,
    recordId: incident.id,
    kind: "comments",
    body: r.body,
    author: r.customer,
    idempotencyKey: `${r.idempotencyKey}:incident`,
    // JRN-2: the copy says which case it came from — on an incident with many proactive cases the
    // fulfiller could not tell which customer wrote, nor open their case.
    source: {
      table: TABLE.case,
      id: r.caseRow.id,
      number: r.caseRow.number,
      eventKey: `case:${r.caseRow.id}:reply:${caseEntryId}`,
      ruleName: COPY_RULE,
    },
  });
  if (id === null) return false;
  const record = { table: TABLE.incident, id: incident.id, number: incident.number };
  for (const event of commentEvents(record, [{ id, kind: "comments", body: r.body }], r.customer.name)) {
    await runSync(tx, event);
    // Another account's customer may be the caller: an external caller never gets this copy.
    if (await callerIsInternal(tx, incident.callerId)) await notifyIncidentEvent(tx, incident, event);
  }
  return true;
}

async function callerIsInternal(tx: Tx, callerId: number | null) {
  if (callerId === null) return false;
  const caller = await tx.user.findUnique({ where: { id: callerId }, select: { kind: true } });
  return caller?.kind === "internal";
}
