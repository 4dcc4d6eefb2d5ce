import "server-only";
import type { Tx } from "@/lib/db";
import type { RelatedState } from "@/lib/domain/cases/resolution-codes";
import type { CaseRow } from "../case-store/row";

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
