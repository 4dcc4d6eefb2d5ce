import "server-only";
import { db, type Tx, inTransaction } from "@/lib/db";
import { canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { isIncidentClosedForChanges, planIncidentState } from "@/lib/domain/incidents/lifecycle";
import {
  incidentUpdateSchema,
  newIncidentSchema,
  type IncidentUpdateInput,
  type NewIncident,
  type NewIncidentInput,
} from "@/lib/domain/incidents/schemas";
import { priorityFor } from "@/lib/domain/priority/lookup";
import { incidentStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation } from "../audit/write";
import { loadPriorityRows, priorityOnChange } from "../priority/lookup";
import { notifyIncidentEvent, notifyIncidentOpened } from "../notifications/incident";
import { createOnce } from "../records/create-once";
import { nextNumber } from "../records/numbers";
import { runSync } from "../sync/run";
import { assertCanBeAssigned, checkAssignment, type Assignment } from "@/lib/domain/assignment/assignment";
import { notifyAssignment } from "../follow-ups/assignment";
import { groupFacts } from "../assignment/members";
import { applyIncidentPatch, requireIncident } from "./persist";

/**
 * REL-1: the caller is any known person, the company an account, the assignee an internal user —
 * an active member of the assignment group when there is one (WRK-1).
 */
async function checkIncidentReferences(
  tx: Tx,
  r: {
    callerId?: number | null;
    companyId?: number | null;
    assignmentGroupId?: number | null;
    assignedToId?: number | null;
  },
) {
  // Sequential: overlapping queries on a transaction's one connection are deprecated in pg.
  const caller = r.callerId
    ? await tx.user.findUnique({ where: { id: r.callerId }, select: { id: true } })
    : true;
  const company = r.companyId
    ? await tx.account.findUnique({ where: { id: r.companyId }, select: { id: true } })
    : true;
  const assignee = r.assignedToId
    ? await tx.user.findUnique({
        where: { id: r.assignedToId },
        select: { name: true, kind: true, active: true, roles: { select: { role: true } } },
      })
    : true;
  if (!caller) throw invalid("callerId", "Caller: no such person.");
  if (!company) throw invalid("companyId", "Company: no such account.");
  if (assignee !== true && (!assignee || assignee.kind !== "internal" || !assignee.active))
    throw invalid("assignedToId", "Assigned to: pick an active internal user.");
  // WRK-1: an incident's assignee works incidents (INC-8: itil).
  if (assignee !== true) assertCanBeAssigned("incident", assignee);
  const assignment = { assignmentGroupId: r.assignmentGroupId ?? null, assignedToId: r.assignedToId ?? null };
  checkAssignment(assignment, await groupFacts(tx, assignment.assignmentGroupId, "incident"));
}

/** WRK-1: the new assignee (or the group's members) hears of it; not the one who did it. */
const assignmentMailFor = (
  tx: Tx,
  actor: Actor,
  before: Assignment,
  after: Assignment & { id: number; number: string; shortDescription: string; version: number },
) => notifyAssignment(tx, actor, { table: TABLE.incident, ...after }, before, after);

function assertCanWrite(actor: Actor) {
  if (!canWriteIncidents(actor)) throw forbidden("Only ITIL fulfillers can change incidents.");
}

/**
 * INC-8: a new incident. REL-2: the form's key makes a resubmitted form (a double click, a retry
 * after a timeout) answer the incident the first made — no second incident, number or email.
 */
export async function createIncident(actor: Actor, raw: NewIncidentInput, outer?: Tx) {
  assertCanWrite(actor);
  const input = parseOrThrow(newIncidentSchema, raw);
  const made = (key: string) =>
    db().incident.findUnique({
      where: { requestKey: key },
      select: { id: true, number: true, openedById: true },
    });
  return createOnce(input.requestKey, actor.id, () => createIncidentIn(actor, input, outer), made);
}

async function createIncidentIn(actor: Actor, input: NewIncident, outer?: Tx) {
  const result = await inTransaction(outer, async (tx) => {
    await checkIncidentReferences(tx, input);
    const rows = await loadPriorityRows(tx);
    const number = await nextNumber(tx, "incident");
    const data = {
      ...input,
      number,
      priority: priorityFor(rows, input.impact, input.urgency),
      openedById: actor.id,
    };
    const created = await tx.incident.create({ data });
    await auditCreation(tx, TABLE.incident, created, actor);
    await notifyIncidentOpened(tx, created);
    await assignmentMailFor(tx, actor, { assignmentGroupId: null, assignedToId: null }, created);
    return { id: created.id, number };
  });
  return result;
}

/**
 * INC-8: the incident form. Impact or urgency changes recalculate priority from the lookup
 * (INC-5). The sync rules (INC-6) and the caller email (INC-7) run in the same transaction.
 */
export async function updateIncident(actor: Actor, number: string, raw: IncidentUpdateInput, outer?: Tx) {
  assertCanWrite(actor);
  const { version, state, onHoldReason, resolutionCode, resolutionNotes, ...fields } = parseOrThrow(
    incidentUpdateSchema,
    raw,
  );
  const result = await inTransaction(outer, async (tx) => {
    const current = await requireIncident(tx, number);
    if (isIncidentClosedForChanges(current.state)) {
      throw invalid(
        "state",
        `This incident is ${labelOf(incidentStates, current.state)} and cannot be changed.`,
      );
    }
    const assignment = {
      assignmentGroupId:
        fields.assignmentGroupId === undefined ? current.assignmentGroupId : fields.assignmentGroupId,
      assignedToId: fields.assignedToId === undefined ? current.assignedToId : fields.assignedToId,
    };
    const reassigned =
      assignment.assignedToId !== current.assignedToId ||
      assignment.assignmentGroupId !== current.assignmentGroupId;
    if (reassigned) await checkIncidentReferences(tx, assignment);
    const patch: Record<string, unknown> = { ...fields };
    Object.assign(
      patch,
      planIncidentState(
        current,
        { state: state ?? current.state, onHoldReason, resolutionCode, resolutionNotes },
        new Date(),
      ),
    );
    const impact = fields.impact ?? current.impact;
    const urgency = fields.urgency ?? current.urgency;
    const priority = await priorityOnChange(tx, current, impact, urgency);
    if (priority !== undefined) patch.priority = priority;
    const changes = await applyIncidentPatch(tx, actor, current, version, patch);
    if (changes.length) {
      const after = { ...current, ...patch };
      const event = {
        type: "update" as const,
        record: { table: TABLE.incident, id: current.id, number },
        version: version + 1,
        before: current,
        after,
      };
      await runSync(tx, event);
      await notifyIncidentEvent(tx, after, event);
      if (reassigned) await assignmentMailFor(tx, actor, current, { ...after, version: version + 1 });
    }
    return { number, changed: changes.map((c) => c.field) };
  });
  return result;
}
