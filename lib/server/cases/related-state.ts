import "server-only";
import type { Tx } from "@/lib/db";
import { canReadIncidents, type Actor } from "@/lib/domain/auth/roles";
import {
  assertResolutionCodeFits,
  assertResolutionCodeOffered,
  recordHeldFor,
  type RelatedState,
} from "@/lib/domain/cases/resolution-codes";
import { CaseResolutionCode, CaseState } from "@/lib/domain/records/choices";
import { invalid } from "@/lib/domain/errors";
import type { CaseRow } from "../case-store/row";
import { activePlugins } from "../plugins/read";
import { lockRows } from "../tables/row-locks";

/**
 * ITSM-4: holds (FOR SHARE) the related record a resolution code relies on until the case's change
 * commits — read unheld, a problem reopened in the same instant left the case Resolved "Fixed by
 * closing related PRB". Shared: two cases resolved by one problem do not wait on each other; the
 * problem's save waits, or the case's check waits for it and reads its new state. A record's save
 * locks the record and then its cases (the fan-out of its notes), so a path that locks the case
 * first calls this before (holdRelatedBeforeCase); from the case form's save it comes first anyway.
 */
export async function holdRelatedRecord(
  tx: Tx,
  c: Pick<CaseRow, "incidentId" | "problemId">,
  code: string | null | undefined,
) {
  const held = recordHeldFor(code);
  if (held === "problem") await lockRows(tx, "Problem", [c.problemId], "SHARE");
  if (held === "incident") await lockRows(tx, "Incident", [c.incidentId], "SHARE");
}

/**
 * ITSM-4: holdRelatedRecord for a path about to lock the case (bulk resolve, the Table API): `code`
 * is the one being chosen, or undefined for the case's own (a PATCH to Resolved without a code).
 */
export async function holdRelatedBeforeCase(tx: Tx, caseNumber: string, code: string | null | undefined) {
  if (code !== undefined && !recordHeldFor(code)) return;
  const c = await tx.case.findUnique({
    where: { number: caseNumber },
    select: { incidentId: true, problemId: true, resolutionCode: true },
  });
  if (c) await holdRelatedRecord(tx, c, code === undefined ? c.resolutionCode : code);
}

/** The states of a case's related records, for ITSM-4 (resolution codes and the suggestion). */
export async function loadRelatedState(
  tx: Tx,
  c: Pick<CaseRow, "id" | "incidentId" | "problemId" | "changeId">,
): Promise<RelatedState> {
  const pick = { number: true, state: true, shortDescription: true } as const;
  // One after another: a transaction is one connection, and pg is deprecating overlapping queries on it.
  const incident = c.incidentId
    ? await tx.incident.findUnique({ where: { id: c.incidentId }, select: pick })
    : null;
  const problem = c.problemId
    ? await tx.problem.findUnique({ where: { id: c.problemId }, select: { ...pick, workaround: true } })
    : null;
  const change = c.changeId
    ? await tx.changeRequest.findUnique({ where: { id: c.changeId }, select: pick })
    : null;
  const requests = await tx.request.findMany({
    where: { caseId: c.id },
    select: { number: true, state: true, shortDescription: true },
    orderBy: { id: "asc" },
  });
  return { incident, problem, change, requests };
}

/**
 * ITSM-4 / ITSM-5: a resolution code being chosen — the case entering Resolved, or another code on a
 * Resolved case — must be offered (its plugin active) and, if "related", fit the related record's
 * state. A code the case was resolved with stays when the record moves on (a problem resolved after
 * a workaround was given): a later Save of the form, which always sends the code, is not refused.
 * ROLE-1: an agent who cannot read incidents is not told a related incident's number or state.
 */
export async function checkResolution(
  tx: Tx,
  actor: Actor,
  current: CaseRow,
  patch: Record<string, unknown>,
) {
  if (((patch.state as number | undefined) ?? current.state) !== CaseState.Resolved) return;
  const code = (patch.resolutionCode as string | null | undefined) ?? current.resolutionCode;
  const choosing =
    current.state !== CaseState.Resolved ||
    (patch.resolutionCode !== undefined && patch.resolutionCode !== current.resolutionCode);
  if (!choosing || !code) return;
  assertResolutionCodeOffered(code, await activePlugins(tx));
  await holdRelatedRecord(tx, current, code);
  const related = await loadRelatedState(tx, current);
  try {
    assertResolutionCodeFits(code, related);
  } catch (e) {
    // The rule is the same for everyone; only the words differ for who may not see the incident.
    if (code === CaseResolutionCode.FixedByIncident && !canReadIncidents(actor))
      throw invalid("resolutionCode", `“${code}” cannot be used yet: the case's incident is not resolved.`);
    throw e;
  }
}
