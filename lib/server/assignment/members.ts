import "server-only";
import type { Tx } from "@/lib/db";
import type { AssignedKind } from "@/lib/domain/auth/roles";
import { canBeAssigned, HAS_INTERNAL_ROLE } from "../tables/user-role";
import type { GroupFacts } from "@/lib/domain/assignment/assignment";

/** Of these ids, the active internal users (with an internal role), with their names and emails. */
export function activeInternalUsers(tx: Tx, ids: number[]) {
  return tx.user.findMany({
    where: { id: { in: ids }, kind: "internal", active: true, roles: HAS_INTERNAL_ROLE },
    select: { id: true, name: true, email: true },
  });
}

/**
 * A group with its active internal members who can work `kind` (a case's assignee works cases, an
 * incident's incidents), as the assignment rule reads it and its email goes to them (WRK-1).
 */
export async function groupFacts(
  tx: Tx,
  groupId: number | null,
  kind?: AssignedKind,
): Promise<GroupFacts | null> {
  if (!groupId) return null;
  const group = await tx.group.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      active: true,
      members: {
        where: { user: { kind: "internal", active: true, roles: canBeAssigned(kind) } },
        select: { userId: true },
      },
    },
  });
  if (!group) return null;
  return {
    id: group.id,
    name: group.name,
    active: group.active,
    activeMemberIds: group.members.map((m) => m.userId),
  };
}
