import "server-only";
import { transaction, type Tx } from "@/lib/db";
import { isMajorIssueManager, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import {
  CaseState,
  caseStates,
  labelOf,
  MajorCaseState,
  OPEN_CASE_STATES,
} from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { writeAudit } from "../audit/write";
import { noteBy } from "../case-store/menu-guard";
import { findLockedCase, requireLockedCase } from "../case-store/row";

export const CHILDREN_SHOWN = 200;

function assertManager(actor: Actor) {
  if (!isMajorIssueManager(actor))
    throw forbidden("Only major issue managers (with itil) can change a major case's children.");
}

async function pair(tx: Tx, majorNumber: string, childNumber: string) {
  // The major case first, then the child: the order every save of a major case takes too.
  const major = await requireLockedCase(tx, majorNumber);
  if (major.majorCaseState !== MajorCaseState.Accepted)
    throw invalid("majorCaseState", `${major.number} is not a major case.`);
  const child = await findLockedCase(tx, childNumber.trim().toUpperCase());
  if (!child) throw invalid("child", `Child case: there is no case ${childNumber}.`);
  return { major, child };
}

/** MAJ-2: a manager adds an existing case as a child of the major case. */
export async function addChildCase(actor: Actor, majorNumber: string, childNumber: unknown) {
  assertManager(actor);
  const wanted = typeof childNumber === "string" ? childNumber.trim() : "";
  if (!wanted) throw invalid("child", "Pick a case to add.");
  return transaction(async (tx) => {
    const { major, child } = await pair(tx, majorNumber, wanted);
    if (!OPEN_CASE_STATES.includes(major.state))
      throw invalid(
        "state",
        `${major.number} is ${labelOf(caseStates, major.state)}: it takes no new children.`,
      );
    if (child.id === major.id) throw invalid("child", "A major case cannot be its own child.");
    if (child.majorCaseState === MajorCaseState.Accepted)
      throw invalid("child", `${child.number} is itself a major case.`);
    if (child.majorCaseState === MajorCaseState.Proposed)
      throw invalid("child", `${child.number} is a major case candidate; decide on it first.`);
    if (child.parentId === major.id)
      throw invalid("child", `${child.number} is already a child of this major case.`);
    if (child.parentId !== null)
      throw invalid("child", `${child.number} is already a child of another major case.`);
    if (!OPEN_CASE_STATES.includes(child.state))
      throw invalid(
        "child",
        `${child.number} is ${labelOf(caseStates, child.state)}; only New, Open or Awaiting Info cases can be added.`,
      );
    await tx.case.update({
      where: { id: child.id },
      data: { parentId: major.id, version: { increment: 1 } },
    });
    await writeAudit(
      tx,
      TABLE.case,
      child.id,
      [{ field: "parentId", oldValue: null, newValue: String(major.id) }],
      actor,
    );
    await noteBy(tx, actor, TABLE.case, major.id, `Child case ${child.number} added.`, {
      table: TABLE.case,
      id: child.id,
      number: child.number,
      event: `case:${child.id}:child-of:${major.id}:${child.version}`,
    });
    await noteBy(tx, actor, TABLE.case, child.id, `Added as a child of major case ${major.number}.`, {
      table: TABLE.case,
      id: major.id,
      number: major.number,
      event: `case:${major.id}:parent-of:${child.id}:${child.version}`,
    });
    return { major: major.number, child: child.number };
  });
}

/** MAJ-2: a manager takes a case out of the major case again. */
export async function removeChildCase(actor: Actor, majorNumber: string, childNumber: string) {
  assertManager(actor);
  return transaction(async (tx) => {
    const { major, child } = await pair(tx, majorNumber, childNumber);
    if (isCaseClosedForChanges(major.state))
      throw invalid("state", `${major.number} is ${labelOf(caseStates, major.state)} and cannot be changed.`);
    if (child.parentId !== major.id)
      throw invalid("child", `${child.number} is not a child of ${major.number}.`);
    if (child.state === CaseState.Closed || child.state === CaseState.Cancelled)
      throw invalid("child", `${child.number} is ${labelOf(caseStates, child.state)} and cannot be changed.`);
    await tx.case.update({ where: { id: child.id }, data: { parentId: null, version: { increment: 1 } } });
    await writeAudit(
      tx,
      TABLE.case,
      child.id,
      [{ field: "parentId", oldValue: String(major.id), newValue: null }],
      actor,
    );
    await noteBy(tx, actor, TABLE.case, major.id, `Child case ${child.number} removed.`);
    await noteBy(tx, actor, TABLE.case, child.id, `Removed from major case ${major.number}.`);
    return { major: major.number, child: child.number };
  });
}
