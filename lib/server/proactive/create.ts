import "server-only";
import { transaction, type Prisma, type Tx } from "@/lib/db";
import { canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { FIELD_MAP } from "@/lib/domain/field-maps/catalog";
import { applyFieldMap } from "@/lib/domain/field-maps/rules";
import { planProactive, proactiveCaseData, proactiveSummary } from "@/lib/domain/proactive/plan";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { CaseState, MajorCaseState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { auditCreation, writeAudit } from "../audit/write";
import { loadFieldMap } from "../field-maps/admin";
import { readCaseCreatedConfiguration, runCaseCreatedFollowUps } from "../follow-ups/case";
import { runCasesCreatedFollowUps } from "../follow-ups/cases-created";
import { suppressExternalCallerMail } from "../incidents/link";
import { appendJournal } from "../journal/write";
import { loadPriorityRows } from "../priority/lookup";
import { integerProperty } from "../properties/read";
import { nextNumbers } from "../records/numbers";
import { lockedOpenIncident } from "./accounts";
import { insertAuditOnCases } from "../tables/audit-entry";
import { insertProactiveCases } from "../tables/case";
import { casesNumbered } from "../tables/case-selection";
import { accountsWithoutProactiveCase } from "../tables/incident-affected-account";
import { insertNotesOnCases } from "../tables/journal-entry";
import { insertOrigins } from "../tables/proactive-case";
import { lockRows } from "../tables/row-locks";

export type ProactiveResult = {
  created: number;
  alreadyHad: number;
  majorCaseNumber: string | null;
  message: string;
};

/**
 * The incident's proactive major case while it can take children — open, as MAJ-2's Add child asks:
 * once it is Resolved, Closed or Cancelled, new accounts are planned as if there were none (a new
 * major case or individual cases), and the incident then points at the new major case. Before, a
 * Resolved one took new children, which its close then closed unworked. Its row is locked (after
 * the incident's): a manager's Close committed meanwhile is seen, not raced — on PostgreSQL the new
 * children's foreign key alone did not wait for it, and they stayed open under a Closed major case.
 */
async function openMajorCaseId(tx: Tx, id: number | null, incidentId: number) {
  // Still this incident's accepted major case: its Related Records may have moved it to another
  // incident (none: a field map without the incident made it so).
  return id === null ? null : stillMajorCase(tx, id, { OR: [{ incidentId }, { incidentId: null }] });
}

const ACCEPTED_OPEN = { majorCaseState: MajorCaseState.Accepted, state: { in: OPEN_CASE_STATES } };

/** The case `id` locked, and still an open accepted major case matching `where`; else null. */
async function stillMajorCase(tx: Tx, id: number, where: Prisma.CaseWhereInput) {
  await lockRows(tx, "Case", [id]);
  const major = await tx.case.findFirst({ where: { id, ...ACCEPTED_OPEN, ...where }, select: { id: true } });
  return major?.id ?? null;
}

/**
 * PRO-1: "when a major case already exists for the incident, new accounts become its children" —
 * the incident's proactive major case, or else the oldest open major case linked to the incident
 * (one a manager accepted from a case with this incident, MAJ-1). Before, only a major case made by
 * Create Proactive Cases counted: the outage got a second major case beside the accepted one, or
 * individual cases under the threshold. Locked after the incident and read again, as above.
 */
async function incidentMajorCaseId(tx: Tx, incident: { id: number; proactiveMajorCaseId: number | null }) {
  const own = await openMajorCaseId(tx, incident.proactiveMajorCaseId, incident.id);
  if (own !== null) return own;
  const linked = { incidentId: incident.id, ...ACCEPTED_OPEN };
  const found = await tx.case.findFirst({ where: linked, orderBy: { id: "asc" }, select: { id: true } });
  const still = found && (await stillMajorCase(tx, found.id, { incidentId: incident.id }));
  if (!still) return null;
  // The incident points at the major case its proactive cases join, as at a new one — and no other
  // incident does any more (the pointer is unique; the major case was moved to this incident).
  await tx.incident.updateMany({
    where: { proactiveMajorCaseId: still, id: { not: incident.id } },
    data: { proactiveMajorCaseId: null },
  });
  await tx.incident.update({ where: { id: incident.id }, data: { proactiveMajorCaseId: still } });
  return still;
}

/**
 * PRO-1, PRO-2: Create Proactive Cases. The incident row is locked first, so concurrent runs
 * queue and each sees the cases of the one before; the unique (incident, account) origin is the
 * backstop. Whatever the number of accounts, the writes are a fixed handful of set-based
 * statements: one number block (REC-1), the cases, their origins, their work notes and audit rows.
 */
export async function createProactiveCases(actor: Actor, number: string): Promise<ProactiveResult> {
  if (!canWriteIncidents(actor)) throw forbidden("Only ITIL fulfillers can create proactive cases.");
  return transaction(async (tx) => {
    const incident = await lockedOpenIncident(tx, number);
    const pending = await accountsWithoutProactiveCase(tx, incident.id);
    // SET-2: an account deactivated since it was added gets no case and does not count toward the threshold.
    const affectedCount = await tx.incidentAffectedAccount.count({
      where: { incidentId: incident.id, account: { active: true } },
    });
    const plan = planProactive({
      pendingAccountIds: pending,
      affectedCount,
      threshold: await integerProperty(PROPERTY.majorCaseThreshold, tx),
      majorCaseId: await incidentMajorCaseId(tx, incident),
    });
    // An incident with no affected account has nothing to run for: say what to do, not "Created 0 cases".
    if (affectedCount === 0)
      throw invalid(
        "accountId",
        (await tx.incidentAffectedAccount.count({ where: { incidentId: incident.id } }))
          ? "Every affected account of this incident is deactivated: add an active one."
          : "Add an affected account first: this incident has none.",
      );
    const alreadyHad = affectedCount - pending.length;
    if (plan.kind === "none") {
      const message = proactiveSummary({ created: 0, alreadyHad });
      return { created: 0, alreadyHad, majorCaseNumber: null, message };
    }
    const mapped = applyFieldMap(
      FIELD_MAP.incidentToCase,
      await loadFieldMap(tx, FIELD_MAP.incidentToCase),
      incident,
    );
    const data = proactiveCaseData(mapped, await loadPriorityRows(tx));
    const now = new Date();
    await readCaseCreatedConfiguration(tx); // before the numbers' lock (REC-1)
    const numbers = await nextNumbers(
      tx,
      "case",
      plan.accountIds.length + (plan.kind === "new_major" ? 1 : 0),
    );
    let parentId = plan.kind === "join_major" ? plan.majorCaseId : null;
    let majorCaseNumber: string | null = null;
    if (plan.kind === "new_major") {
      const { accountId: _a, contactId: _c, ...shared } = data;
      const major = await tx.case.create({
        data: {
          ...(shared as Partial<Prisma.CaseUncheckedCreateInput>),
          shortDescription: String(shared.shortDescription),
          number: numbers.shift()!,
          majorCaseState: MajorCaseState.Accepted,
          openedById: actor.id,
        },
      });
      await tx.incident.update({ where: { id: incident.id }, data: { proactiveMajorCaseId: major.id } });
      await auditCreation(tx, TABLE.case, major, actor);
      await runCaseCreatedFollowUps({ tx, actor, after: major });
      await appendJournal(tx, {
        table: TABLE.case,
        recordId: major.id,
        kind: "work_notes",
        body:
          `Major case created by Create Proactive Cases on ${incident.number} ` +
          `for ${plan.accountIds.length} affected accounts.`,
        author: actor,
      });
      parentId = major.id;
      majorCaseNumber = major.number;
    }
    const rows = plan.accountIds.map((accountId, i) => ({ accountId, number: numbers[i] }));
    await insertProactiveCases(tx, rows, data, { parentId, openedById: actor.id, now });
    // INC-7: the map linked the cases to the incident: an external caller hears through a case now.
    if (data.incidentId === incident.id) await suppressExternalCallerMail(tx, actor, incident);
    await insertOrigins(tx, incident.id, rows, now);
    const state = typeof data.state === "number" ? data.state : CaseState.New;
    const priority = Number(data.priority);
    await runCasesCreatedFollowUps({ tx, cases: casesNumbered(rows), state, priority, now });
    const origin = `Proactive case created from ${incident.number} for its affected account.`;
    // One work note and one audit row (REC-5) on each new case: one statement each.
    await insertNotesOnCases(
      tx,
      casesNumbered(rows),
      { kind: "work_notes", body: origin, author: actor },
      now,
    );
    const audit = { field: "proactive", newValue: `Created from ${incident.number}` };
    await insertAuditOnCases(tx, casesNumbered(rows), audit, actor, now);
    const created = rows.length + (majorCaseNumber ? 1 : 0);
    const message = proactiveSummary({ created, alreadyHad, majorCaseNumber });
    const joined = plan.kind === "join_major" ? ` (children of the major case)` : "";
    await appendJournal(tx, {
      table: TABLE.incident,
      recordId: incident.id,
      kind: "work_notes",
      body: `Create Proactive Cases: ${message}${joined}. Cases ${rangeText(rows, majorCaseNumber)}.`,
      author: actor,
    });
    await writeAudit(
      tx,
      TABLE.incident,
      incident.id,
      [
        {
          field: "proactive_cases",
          oldValue: String(alreadyHad),
          newValue: String(alreadyHad + rows.length),
        },
      ],
      actor,
    );
    return { created, alreadyHad, majorCaseNumber, message };
  });
}

const rangeText = (rows: { number: string }[], major: string | null) => {
  const children = rows.length === 1 ? rows[0].number : `${rows[0].number} to ${rows.at(-1)!.number}`;
  return major ? `${major} (major) and ${children}` : children;
};
