import "server-only";
import { db, transaction, type Tx } from "@/lib/db";
import { canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { isIncidentClosedForChanges } from "@/lib/domain/incidents/lifecycle";
import { affectedAccountSchema, type AffectedAccountInput } from "@/lib/domain/proactive/schemas";
import { incidentStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { insertAffected } from "@/lib/server/tables/incident-affected-account";
import { writeAudit } from "../audit/write";
import { requireIncident } from "../incidents/persist";
import { lockRows } from "@/lib/server/tables/row-locks";

export const AFFECTED_SHOWN = 200;

function assertCanWrite(actor: Actor) {
  if (!canWriteIncidents(actor)) throw forbidden("Only ITIL fulfillers can change incidents.");
}

/**
 * The incident, locked for the transaction: affected-account changes and Create Proactive Cases
 * on one incident queue behind each other, so a run sees a stable set of accounts.
 */
export async function lockedOpenIncident(tx: Tx, number: string) {
  const found = await requireIncident(tx, number);
  await lockRows(tx, "Incident", [found.id]);
  const incident = await requireIncident(tx, number);
  if (isIncidentClosedForChanges(incident.state))
    throw invalid(
      "state",
      `This incident is ${labelOf(incidentStates, incident.state)} and cannot be changed.`,
    );
  return incident;
}

const accountLabel = (a: { number: string; name: string }) => `${a.number} ${a.name}`;

/** PRO-1: adds an affected account; adding it twice is one row and one audit line. */
export async function addAffectedAccount(actor: Actor, number: string, raw: AffectedAccountInput) {
  assertCanWrite(actor);
  const { accountId } = parseOrThrow(affectedAccountSchema, raw);
  return transaction(async (tx) => {
    const incident = await lockedOpenIncident(tx, number);
    const account = await tx.account.findUnique({ where: { id: accountId } });
    if (!account) throw invalid("accountId", "Add affected account: no such account.");
    // SET-2: a deactivated account is offered in no picker; a stale page or a crafted post is refused.
    if (!account.active)
      throw invalid("accountId", `Add affected account: ${account.name} is deactivated and cannot be added.`);
    const added = await insertAffected(tx, incident.id, account.id);
    if (added)
      await writeAudit(
        tx,
        TABLE.incident,
        incident.id,
        [{ field: "affected_accounts", oldValue: null, newValue: accountLabel(account) }],
        actor,
      );
    return { added: added > 0, name: account.name };
  });
}

/** PRO-1: removes an affected account (a proactive case already made for it stays). */
export async function removeAffectedAccount(actor: Actor, number: string, raw: AffectedAccountInput) {
  assertCanWrite(actor);
  const { accountId } = parseOrThrow(affectedAccountSchema, raw);
  return transaction(async (tx) => {
    const incident = await lockedOpenIncident(tx, number);
    const account = await tx.account.findUnique({ where: { id: accountId } });
    if (!account) throw notFound("That account");
    const { count } = await tx.incidentAffectedAccount.deleteMany({
      where: { incidentId: incident.id, accountId },
    });
    if (count)
      await writeAudit(
        tx,
        TABLE.incident,
        incident.id,
        [{ field: "affected_accounts", oldValue: accountLabel(account), newValue: null }],
        actor,
      );
    return { removed: count > 0, name: account.name };
  });
}

/**
 * The incident page's Affected accounts section (the page has checked the incident read role):
 * bounded rows, each with its proactive case, and the proactive major case (PRO-1).
 */
export async function listAffectedAccounts(incidentId: number, majorCaseId: number | null) {
  const [rows, total, origins, major] = await Promise.all([
    db().incidentAffectedAccount.findMany({
      where: { incidentId },
      orderBy: { account: { name: "asc" } },
      take: AFFECTED_SHOWN,
      select: { account: { select: { id: true, number: true, name: true } } },
    }),
    db().incidentAffectedAccount.count({ where: { incidentId } }),
    // PRO-1: of the accounts affected now (an account removed after its case was made no longer counts).
    db().proactiveCase.count({ where: { incidentId, account: { affectedBy: { some: { incidentId } } } } }),
    majorCaseId
      ? db().case.findUnique({ where: { id: majorCaseId }, select: { number: true } })
      : Promise.resolve(null),
  ]);
  const cases = await db().proactiveCase.findMany({
    where: { incidentId, accountId: { in: rows.map((r) => r.account.id) } },
    select: { accountId: true, case: { select: { number: true } } },
  });
  const caseOf = new Map(cases.map((c) => [c.accountId, c.case.number]));
  return {
    rows: rows.map((r) => ({ ...r.account, caseNumber: caseOf.get(r.account.id) ?? null })),
    total,
    withCase: origins,
    majorCaseNumber: major?.number ?? null,
  };
}
