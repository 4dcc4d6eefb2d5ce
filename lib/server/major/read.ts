import "server-only";
import { db } from "@/lib/db";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { MajorCaseState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";

const SHOWN = 100;

/** MAJ-1: the "Major case candidates" list, and the major cases that are still open. */
export async function majorCaseOverview(actor: Actor) {
  if (!canReadCases(actor)) throw forbidden();
  const select = {
    id: true,
    number: true,
    shortDescription: true,
    state: true,
    priority: true,
    businessImpact: true,
    proposedAt: true,
    updatedAt: true,
    customerRepliedAt: true,
    account: { select: { name: true } },
    _count: { select: { children: true } },
  } as const;
  const [candidates, majors] = await Promise.all([
    db().case.findMany({
      where: { majorCaseState: MajorCaseState.Proposed, state: { in: OPEN_CASE_STATES } },
      orderBy: { proposedAt: "asc" },
      take: SHOWN,
      select,
    }),
    db().case.findMany({
      where: { majorCaseState: MajorCaseState.Accepted, state: { in: OPEN_CASE_STATES } },
      orderBy: { updatedAt: "desc" },
      take: SHOWN,
      select,
    }),
  ]);
  // WRK-3: the "Customer replied" mark (both lists hold open cases only).
  const marked = <R extends { customerRepliedAt: Date | null }>(rows: R[]) =>
    rows.map(({ customerRepliedAt, ...r }) => ({ ...r, customerReplied: customerRepliedAt !== null }));
  return { candidates: marked(candidates), majors: marked(majors) };
}
