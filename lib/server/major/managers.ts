import "server-only";
import type { Tx } from "@/lib/db";
import { isMajorIssueManager, rolesGranting, ROLE, type Actor } from "@/lib/domain/auth/roles";

/**
 * MAJ-1: everyone who may Accept or Reject a major case candidate — the users for whom the
 * server's own check, isMajorIssueManager, holds. The query narrows to active internal users
 * holding a role that can grant major_issue_manager (the role itself or admin); the rule itself
 * then decides, so this list and the accept check can never disagree.
 */
export async function majorIssueManagers(tx: Tx): Promise<Actor[]> {
  const rows = await tx.user.findMany({
    where: {
      kind: "internal",
      active: true,
      roles: { some: { role: { in: rolesGranting(ROLE.majorIssueManager) } } },
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      kind: true,
      accountId: true,
      roles: { select: { role: true } },
    },
  });
  return rows
    .map((u) => ({ ...u, kind: u.kind as Actor["kind"], roles: u.roles.map((r) => r.role) }))
    .filter(isMajorIssueManager);
}
