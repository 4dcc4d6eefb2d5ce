import "server-only";
import { type Tx, inTransaction } from "@/lib/db";
import { canLinkItsm, type Actor } from "@/lib/domain/auth/roles";
import { linksIncidents } from "@/lib/domain/cases/menu";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { forbidden, invalid, staleRecord } from "@/lib/domain/errors";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { relatedRecordsSchema, type RelatedRecordsInput } from "@/lib/domain/cases/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { attachIncident, detachIncident, lockIncidentsBeforeCase } from "../incidents/link";
import { activePlugins } from "../plugins/read";
import { noteBy } from "../case-store/menu-guard";
import { applyCasePatch } from "../case-change/persist";
import { requireCase, requireLockedCase } from "../case-store/row";

const SLOTS = [
  { key: "problem", field: "problemId", label: "Problem", table: TABLE.problem },
  { key: "change", field: "changeId", label: "Change Request", table: TABLE.change },
  { key: "causedBy", field: "causedById", label: "Caused by Change", table: TABLE.change },
] as const;

async function idOf(tx: Tx, table: string, number: string, field: string, label: string) {
  const row =
    table === TABLE.problem
      ? await tx.problem.findUnique({ where: { number }, select: { id: true } })
      : await tx.changeRequest.findUnique({ where: { number }, select: { id: true } });
  if (!row) throw invalid(field, `${label}: there is no record ${number}.`);
  return row.id;
}

/**
 * ITSM-2: sets the Related Records fields by picking existing records. Fields left out of the
 * input stay as they are; an empty value unlinks. Incident links follow INC-3/INC-4 exactly as
 * the Additional actions items do. Read-only on child cases of a major case (MAJ-3).
 */
export async function setRelatedRecords(
  actor: Actor,
  caseNumber: string,
  raw: RelatedRecordsInput,
  outer?: Tx,
) {
  const input = parseOrThrow(relatedRecordsSchema, raw);
  return inTransaction(outer, async (tx) => {
    if (input.incident !== undefined) await lockIncidentsBeforeCase(tx, caseNumber, input.incident);
    const c = await requireLockedCase(tx, caseNumber);
    if (!(await activePlugins(tx)).has(PLUGIN.serviceManagement))
      throw forbidden("The integration com.sn_cs_sm is not active.");
    if (isCaseClosedForChanges(c.state)) throw invalid("state", "This case is closed and cannot be changed.");
    if (!OPEN_CASE_STATES.includes(c.state))
      throw invalid("state", "This case is Resolved: reopen it before changing its related records.");
    if (c.parentId !== null)
      throw forbidden("This is a child of a major case: related records are managed on the major case.");
    if (c.version !== input.version) throw staleRecord("case");

    const patch: Record<string, number | null> = {};
    const notes: string[] = [];
    for (const slot of SLOTS) {
      const value = input[slot.key];
      if (value === undefined) continue;
      if (!canLinkItsm(actor))
        throw forbidden("You need the sn_incident_write or itil role to change a case's related records.");
      const id = value === "" ? null : await idOf(tx, slot.table, value, slot.key, slot.label);
      if (id === c[slot.field]) continue;
      patch[slot.field] = id;
      notes.push(
        id === null
          ? `${slot.label} unlinked from this case.`
          : `${slot.label} ${value} linked to this case.`,
      );
    }
    let current = c;
    if (Object.keys(patch).length) {
      await applyCasePatch(tx, actor, c, input.version, patch);
      current = await requireCase(tx, caseNumber);
      for (const body of notes) await noteBy(tx, actor, TABLE.case, c.id, body);
    }

    let incidentChanged = false;
    if (input.incident !== undefined) {
      const linked = c.incidentId
        ? await tx.incident.findUnique({ where: { id: c.incidentId }, select: { number: true } })
        : null;
      if ((linked?.number ?? "") !== input.incident) {
        if (!linksIncidents(actor, c))
          throw forbidden("You need the sn_incident_write role to change a case's incident.");
        if (current.incidentId) {
          await detachIncident(tx, actor, current);
          current = await requireCase(tx, caseNumber);
        }
        if (input.incident) {
          const incident = await tx.incident.findUnique({ where: { number: input.incident } });
          if (!incident) throw invalid("incident", `Incident: there is no record ${input.incident}.`);
          await attachIncident(tx, actor, current, incident);
        }
        incidentChanged = true;
      }
    }
    /** Whether any link changed: a form sent as it was shown says so instead of "saved". */
    return { caseNumber, changed: notes.length > 0 || incidentChanged };
  });
}
