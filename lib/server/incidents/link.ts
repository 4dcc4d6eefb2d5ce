import "server-only";
import { dialect, transaction, type Tx, inTransaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { conflict, invalid, notFound } from "@/lib/domain/errors";
import { MENU_ITEM } from "@/lib/domain/cases/menu";
import { isOpenIncident } from "@/lib/domain/incidents/lifecycle";
import { suppressCallerMail } from "@/lib/domain/notifications/incident";
import { incidentPriorityFromCase } from "@/lib/domain/priority/lookup";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { incidentStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { auditCreation, writeAudit } from "../audit/write";
import { caseForMenuItem, noteBy } from "../case-store/menu-guard";
import type { CaseRow } from "../case-store/row";
import type { IncidentRow } from "./persist";
import { lockRows } from "@/lib/server/tables/row-locks";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { notifyIncidentOpened } from "../notifications/incident";
import { loadPriorityRows } from "../priority/lookup";
import { booleanProperty } from "../properties/read";
import { nextNumber } from "../records/numbers";

/** INC-2: links the incident only if the case still has none — exactly one of concurrent callers wins. */
async function linkIncident(tx: Tx, actor: Actor, c: CaseRow, incidentId: number) {
  const { count } = await tx.case.updateMany({
    where: { id: c.id, incidentId: null, state: { in: OPEN_CASE_STATES } },
    data: { incidentId, version: { increment: 1 } },
  });
  if (count !== 1) {
    const now = await tx.case.findUnique({
      where: { id: c.id },
      select: { incident: { select: { number: true } } },
    });
    throw conflict(
      `This case already has an incident${now?.incident ? ` (${now.incident.number})` : ""}.`,
      "incident",
    );
  }
  await writeAudit(
    tx,
    TABLE.case,
    c.id,
    [{ field: "incidentId", oldValue: null, newValue: String(incidentId) }],
    actor,
  );
}

const note = (
  tx: Tx,
  table: string,
  recordId: number,
  body: string,
  actor: Actor,
  source?: { table: string; id: number; number: string; event: string },
) => noteBy(tx, actor, table, recordId, body, source);

async function callerKind(tx: Tx, userId: number | null) {
  if (!userId) return null;
  return (await tx.user.findUnique({ where: { id: userId }, select: { kind: true } }))?.kind ?? null;
}

/** INC-1: Create Incident from the case, linked, noted, priority per INC-5, mail per INC-7. */
export async function createIncidentFromCase(actor: Actor, caseNumber: string) {
  const result = await transaction(async (tx) => {
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.createIncident);
    const lookup = await booleanProperty(PROPERTY.incidentDataLookup, tx);
    const values = incidentPriorityFromCase(lookup, await loadPriorityRows(tx), c.priority);
    const callerId = c.contactId ?? c.consumerId;
    const number = await nextNumber(tx, "incident");
    const incident = await tx.incident.create({
      data: {
        number,
        shortDescription: c.shortDescription,
        description: c.description,
        callerId,
        companyId: c.accountId,
        assetId: c.assetId,
        problemId: c.problemId,
        changeId: c.changeId,
        causedById: c.causedById,
        ...values,
        openedById: actor.id,
        callerNotificationsSuppressed: suppressCallerMail(await callerKind(tx, callerId), true),
      },
    });
    await linkIncident(tx, actor, c, incident.id);
    const { id } = incident;
    await auditCreation(tx, TABLE.incident, incident, actor);
    await note(tx, TABLE.case, c.id, `Incident ${number} created from this case.`, actor, {
      table: TABLE.incident,
      id,
      number,
      event: `incident:${id}:created`,
    });
    await note(tx, TABLE.incident, id, `Created from case ${c.number}.`, actor, {
      table: TABLE.case,
      id: c.id,
      number: c.number,
      event: `case:${c.id}:created-incident`,
    });
    await notifyIncidentOpened(tx, incident);
    return { caseNumber, incidentNumber: number };
  });
  return result;
}

/**
 * INC-7: once a case is linked to the incident (associated, or made by Create Proactive Cases),
 * an external caller hears through the case: their incident mail is suppressed from then on, audited.
 */
export async function suppressExternalCallerMail(
  tx: Tx,
  actor: Actor,
  incident: { id: number; callerId: number | null; callerNotificationsSuppressed: boolean },
) {
  if (incident.callerNotificationsSuppressed) return;
  if (!suppressCallerMail(await callerKind(tx, incident.callerId), true)) return;
  await tx.incident.update({
    where: { id: incident.id },
    data: { callerNotificationsSuppressed: true, version: { increment: 1 } },
  });
  await writeAudit(
    tx,
    TABLE.incident,
    incident.id,
    [{ field: "callerNotificationsSuppressed", oldValue: "false", newValue: "true" }],
    actor,
  );
}

/**
 * INC-3: links an open incident to a case (only if the case has none), suppresses an external
 * caller's incident mail from then on (INC-7), and notes it on both records.
 */
export async function attachIncident(tx: Tx, actor: Actor, c: CaseRow, found: IncidentRow) {
  // Decide on the incident as it is now: nobody can close it, or change its suppression, meanwhile.
  await lockRows(tx, "Incident", [found.id], "NO KEY UPDATE");
  const incident = (await tx.incident.findUnique({ where: { id: found.id } })) ?? found;
  if (!isOpenIncident(incident.state)) {
    const state = labelOf(incidentStates, incident.state);
    throw invalid(
      "incident",
      `Incident ${incident.number} is ${state}; only open incidents can be associated.`,
    );
  }
  await linkIncident(tx, actor, c, incident.id);
  await suppressExternalCallerMail(tx, actor, incident);
  await note(tx, TABLE.case, c.id, `Associated with incident ${incident.number}.`, actor, {
    table: TABLE.incident,
    id: incident.id,
    number: incident.number,
    event: `incident:${incident.id}:associated:${c.id}:${c.version}`,
  });
  await note(tx, TABLE.incident, incident.id, `Associated with case ${c.number}.`, actor, {
    table: TABLE.case,
    id: c.id,
    number: c.number,
    event: `case:${c.id}:associated:${c.version}`,
  });
}

/**
 * The incidents a change made from the case's side will touch — the case's own and `also` (a number
 * from the form) — locked before the case (INC-3, INC-4, SYNC-2): an incident's update locks the
 * incident and then its cases (the fan-out of its notes); taking the case first and then the incident
 * deadlocked with it on PostgreSQL. Read before the case's lock: an incident linked in between is
 * locked after it by attach/detach, out of that order but rare.
 */
export async function lockIncidentsBeforeCase(tx: Tx, caseNumber: string, also?: unknown) {
  if (dialect() !== "postgresql") return; // one writer at a time: nothing to order
  const c = await tx.case.findUnique({ where: { number: caseNumber }, select: { incidentId: true } });
  const named = typeof also === "string" && also.trim() ? also.trim().toUpperCase() : null;
  const other = named
    ? await tx.incident.findUnique({ where: { number: named }, select: { id: true } })
    : null;
  // NO KEY UPDATE: queues behind an incident's save (which takes the same) without holding off the
  // foreign-key checks of rows that reference the incident — Accept major case inserts a major case
  // naming it while it holds the case; FOR UPDATE there deadlocked with it.
  await lockRows(tx, "Incident", [c?.incidentId, other?.id], "NO KEY UPDATE");
}

/** INC-4: unlinks the case's incident (which stays as it is) and notes it on both records. */
export async function detachIncident(tx: Tx, actor: Actor, c: CaseRow) {
  const incidentId = c.incidentId;
  if (incidentId === null) return null;
  await lockRows(tx, "Incident", [incidentId], "NO KEY UPDATE");
  const { count } = await tx.case.updateMany({
    where: { id: c.id, incidentId },
    data: { incidentId: null, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict("The incident link changed meanwhile; reload the case.");
  await writeAudit(
    tx,
    TABLE.case,
    c.id,
    [{ field: "incidentId", oldValue: String(incidentId), newValue: null }],
    actor,
  );
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
  // With no case left to own the conversation, the caller hears from the incident again (INC-7).
  if (incident.callerNotificationsSuppressed && (await tx.case.count({ where: { incidentId } })) === 0) {
    await tx.incident.update({
      where: { id: incidentId },
      data: { callerNotificationsSuppressed: false, version: { increment: 1 } },
    });
    await writeAudit(
      tx,
      TABLE.incident,
      incidentId,
      [{ field: "callerNotificationsSuppressed", oldValue: "true", newValue: "false" }],
      actor,
    );
  }
  await note(tx, TABLE.case, c.id, `Incident ${incident.number} removed from this case.`, actor, {
    table: TABLE.incident,
    id: incidentId,
    number: incident.number,
    event: `incident:${incidentId}:removed:${c.id}:${c.version}`,
  });
  await note(tx, TABLE.incident, incidentId, `Case ${c.number} removed its link to this incident.`, actor, {
    table: TABLE.case,
    id: c.id,
    number: c.number,
    event: `case:${c.id}:removed:${c.version}`,
  });
  return incident;
}

/** INC-3: Associate an existing open incident with the case (Additional actions). */
export async function associateIncident(
  actor: Actor,
  caseNumber: string,
  incidentNumber: unknown,
  outer?: Tx,
) {
  return inTransaction(outer, async (tx) => {
    await lockIncidentsBeforeCase(tx, caseNumber, incidentNumber);
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.associateIncident);
    // After the permission and menu check: who may not associate learns nothing from the input.
    const wanted = typeof incidentNumber === "string" ? incidentNumber.trim() : "";
    if (!wanted) throw invalid("incident", "Pick an open incident to associate.");
    const incident = await tx.incident.findUnique({ where: { number: wanted.toUpperCase() } });
    if (!incident) throw notFound(`Incident ${wanted}`);
    await attachIncident(tx, actor, c, incident);
    return { caseNumber, incidentNumber: incident.number };
  });
}

/**
 * INC-4: Remove Incident (Additional actions). `expected`: the incident the confirmation named — one
 * linked in its place meanwhile (Related Records) is not the one the agent agreed to remove.
 */
export async function removeIncident(actor: Actor, caseNumber: string, expected?: unknown, outer?: Tx) {
  return inTransaction(outer, async (tx) => {
    await lockIncidentsBeforeCase(tx, caseNumber);
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.removeIncident);
    if (expected !== undefined && expected !== "") {
      const named = typeof expected === "string" ? expected.trim().toUpperCase() : "";
      if (!/^INC\d{1,12}$/.test(named))
        throw invalid("incident", "The incident named is not valid; reload the case.");
      const linked = await tx.incident.findUnique({ where: { id: c.incidentId! }, select: { number: true } });
      if (linked?.number !== named)
        throw conflict(
          `This case's incident is now ${linked?.number ?? "none"}, not ${named}: nothing was removed. ` +
            "Reload the case to see it.",
          "incident",
        );
    }
    const incident = await detachIncident(tx, actor, c);
    return { caseNumber, incidentNumber: incident!.number };
  });
}
