import "server-only";
import type { Tx } from "@/lib/db";
import type { RelatedState } from "@/lib/domain/cases/resolution-codes";
import type { CaseRow } from "./persist";

/** The states of a case's related records, for ITSM-4 (resolution codes and the suggestion). */
export async function loadRelatedState(tx: Tx, c: Pick<CaseRow, "id" | "incidentId" | "problemId" | "changeId">): Promise<RelatedState> {
  const pick = { number: true, state: true, shortDescription: true } as const;
  const [incident, problem, change, requests] = await Promise.all([
    c.incidentId ? tx.incident.findUnique({ where: { id: c.incidentId }, select: pick }) : null,
    c.problemId ? tx.problem.findUnique({ where: { id: c.problemId }, select: { ...pick, workaround: true } }) : null,
    c.changeId ? tx.changeRequest.findUnique({ where: { id: c.changeId }, select: pick }) : null,
    tx.request.findMany({ where: { caseId: c.id }, select: { number: true, state: true, shortDescription: true }, orderBy: { id: "asc" } }),
  ]);
  return { incident, problem, change, requests };
}
