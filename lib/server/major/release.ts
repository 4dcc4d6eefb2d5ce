import "server-only";
import type { Tx } from "@/lib/db";
import { isMajorIssueManager, type Actor } from "@/lib/domain/auth/roles";
import { confirmFirst, forbidden } from "@/lib/domain/errors";
import { confirmsQuestion, RELEASED_STATES, type ChildConfirmation } from "@/lib/domain/major/field-sync";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { noteBy } from "../case-store/menu-guard";
import { insertChangeAuditOnCases } from "../tables/audit-entry";
import { childrenIn } from "../tables/case-selection";
import { insertNotesOnCases } from "../tables/journal-entry";

const LEFT_STATES = [...RELEASED_STATES];

/**
 * MAJ-2 / MAJ-5: a major case that is closed or cancelled lets go of the children its change left
 * open — those its cascade did not move (the property does not list `state`; a Resolved child of a
 * cancelled major case). Each is an ordinary case again, as a removed child is: otherwise it would stay
 * under a major case nobody can change any more, with no Additional actions and read-only Related
 * Records (MAJ-3), for good. Only a major issue manager, after confirming (the cascade's confirmation
 * counts). One note on each and one audit row each, in a few statements (PERF-3).
 * Returns how many were released.
 */
export async function releaseChildren(
  tx: Tx,
  actor: Actor,
  major: { id: number; number: string },
  state: number,
  confirmed: ChildConfirmation,
): Promise<number> {
  // MAJ-5: a change that reaches the children is a major issue manager's, confirmed first — this
  // question (or the cascade's, which counted these too: `true` then).
  const n = await tx.case.count({ where: { parentId: major.id, state: { in: LEFT_STATES } } });
  if (!n) return 0;
  if (!isMajorIssueManager(actor))
    throw forbidden(
      "Only major issue managers can close or cancel a major case that has child cases left: it releases them.",
    );
  const count = n === 1 ? "1 child case" : `${n} child cases`;
  const question = `This will release ${count}: each becomes an ordinary case again.`;
  if (!confirmsQuestion(confirmed, question)) throw confirmFirst(question);
  const left = childrenIn(major.id, LEFT_STATES);
  const now = new Date();
  const why = `${major.number} is ${labelOf(caseStates, state)}`;
  await insertChangeAuditOnCases(tx, left, "parentId", null, actor, now);
  const released = await insertNotesOnCases(
    tx,
    left,
    { kind: "work_notes", body: `Released from major case ${why}: an ordinary case again.`, author: actor },
    now,
  );
  if (!released) return 0;
  await tx.case.updateMany({
    where: { parentId: major.id, state: { in: LEFT_STATES } },
    data: { parentId: null, version: { increment: 1 } },
  });
  const cases = released === 1 ? "1 child case" : `${released} child cases`;
  await noteBy(tx, actor, TABLE.case, major.id, `${cases} released: ${why}; each is an ordinary case again.`);
  return released;
}
