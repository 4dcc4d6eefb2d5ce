// WRK-1: who a case or incident may be assigned to, and who hears of an assignment. Pure rules.
import { ASSIGNEE_ROLES, type AssignedKind } from "../auth/roles";
import { invalid } from "../errors";

export type GroupFacts = {
  id: number;
  name: string;
  active: boolean;
  /** Ids of the group's members who are active internal users. */
  activeMemberIds: readonly number[];
};

export type Assignment = { assignmentGroupId: number | null; assignedToId: number | null };

/**
 * The assignee must be an active internal member of the assignment group (WRK-1). Without a group,
 * any active internal user may be assigned (records assigned before groups existed stay valid).
 * `group` is the record's group as loaded (null when none or not found).
 */
export function checkAssignment(a: Assignment, group: GroupFacts | null): void {
  if (a.assignmentGroupId !== null) {
    if (!group || group.id !== a.assignmentGroupId)
      throw invalid("assignmentGroupId", "Assignment group: no such group.");
    if (!group.active)
      throw invalid("assignmentGroupId", `Assignment group: ${group.name} is no longer active.`);
  }
  if (a.assignedToId !== null && group && !group.activeMemberIds.includes(a.assignedToId))
    throw invalid("assignedToId", `Assigned to: pick an active member of ${group.name}.`);
}

/** Did this change move the record to someone (or to a group with nobody)? */
export function assignmentMoved(before: Assignment, after: Assignment): boolean {
  return (
    before.assignedToId !== after.assignedToId ||
    (after.assignedToId === null && before.assignmentGroupId !== after.assignmentGroupId)
  );
}

/**
 * WRK-1: whom the assignment email goes to — the new assignee, or with none the group's members —
 * never the person who made the change (they know).
 */
export function assignmentRecipients(
  before: Assignment,
  after: Assignment,
  actorId: number | null,
  groupMemberIds: readonly number[],
): number[] {
  if (!assignmentMoved(before, after)) return [];
  const to =
    after.assignedToId !== null ? [after.assignedToId] : after.assignmentGroupId ? groupMemberIds : [];
  return [...new Set(to)].filter((id) => id !== actorId);
}

const CANNOT_WORK: Record<AssignedKind, string> = {
  case: "cannot work cases (no agent or manager role)",
  incident: "cannot work incidents (no itil role)",
};

/**
 * WRK-1: refuses an assignee who cannot work a record of `kind` (ASSIGNEE_ROLES) — for cases and
 * incidents alike, naming the missing role.
 */
export function assertCanBeAssigned(
  kind: AssignedKind,
  person: { name: string; roles: readonly { role: string }[] },
): void {
  const roles: readonly string[] = ASSIGNEE_ROLES[kind];
  if (!person.roles.some((r) => roles.includes(r.role)))
    throw invalid("assignedToId", `Assigned to: ${person.name} ${CANNOT_WORK[kind]}.`);
}
