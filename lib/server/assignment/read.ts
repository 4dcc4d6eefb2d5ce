import "server-only";
import { db } from "@/lib/db";
import type { Actor, AssignedKind } from "@/lib/domain/auth/roles";
import { cached, forgetCached } from "../cache";
import { canBeAssigned } from "../tables/user-role";
import { databaseUrl } from "@/lib/db";
import { assigneeOptions, type RefOption } from "../lookup/choices";
import { assertGroupAdmin } from "./write";

/** WRK-1: /admin/groups — every group with its manager and members (groups are tens, not thousands). */
export async function listGroups(actor: Actor) {
  assertGroupAdmin(actor);
  const rows = await db().group.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      manager: { select: { id: true, name: true } },
      active: true,
      version: true,
      members: {
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true, email: true, active: true } } },
      },
    },
  });
  return rows.map((g) => ({
    ...g,
    manager: g.manager && { id: g.manager.id, label: g.manager.name },
    members: g.members.map((m) => m.user),
  }));
}

const TTL_MS = 10_000;
const key = (name: string) => `groups:${databaseUrl()}:${name}`;

/** WRK-1: the Assignment group select — active groups (cached a few seconds, like other options). */
export function groupOptions(): Promise<RefOption[]> {
  return cached(key("active"), TTL_MS, async () => {
    const rows = await db().group.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return rows.map((r) => ({ value: r.id, label: r.name }));
  });
}

/** WRK-1: Assigned to for a record of this kind in this group: its active members who can work it. */
export async function memberOptions(groupId: number, kind: AssignedKind): Promise<RefOption[]> {
  const rows = await db().groupMember.findMany({
    where: { groupId, user: { kind: "internal", active: true, roles: canBeAssigned(kind) } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ value: r.user.id, label: r.user.name }));
}

/** A group was created, renamed or (de)activated: the selects load afresh. */
export function forgetGroupOptions() {
  forgetCached(key("active"));
}

/**
 * WRK-1: what a record form offers for Assignment group and Assigned to — the active groups (and
 * the record's own group, named, even when inactive) and the members of the record's group (every
 * assignee while it has none).
 */
export async function assignmentChoices(groupId: number | null, kind: AssignedKind) {
  const [groups, assignees] = await Promise.all([
    groupOptions(),
    groupId ? memberOptions(groupId, kind) : assigneeOptions(kind),
  ]);
  let group = groupId ? groups.find((g) => g.value === groupId) : undefined;
  if (groupId && !group) {
    const row = await db().group.findUnique({ where: { id: groupId }, select: { id: true, name: true } });
    group = row ? { value: row.id, label: row.name } : undefined;
  }
  return { groups, assignees, group: group ? { id: group.value, label: group.label } : null };
}
