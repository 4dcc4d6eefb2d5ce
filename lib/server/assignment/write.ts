import "server-only";
import { inTransaction, type Tx, isUniqueViolation } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { diffFields } from "@/lib/domain/audit/diff";
import {
  groupCreateSchema,
  groupMemberSchema,
  groupNameKey,
  groupUpdateSchema,
  type GroupCreateInput,
  type GroupUpdateInput,
} from "@/lib/domain/assignment/schemas";
import { activeSchema } from "@/lib/domain/directory/schemas";
import { conflict, forbidden, invalid, notFound, staleRecord } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow, recordId } from "@/lib/domain/validation";
import { insertMember } from "@/lib/server/tables/group-member";
import { auditCreation, writeAudit } from "../audit/write";
import { activeInternalUsers } from "./members";

// WRK-1: assignment groups are the admin's (SPEC §17): name, manager, members. Each change is
// audited (REC-5) against the group's table, and the form's version is checked (REC-6).

export function assertGroupAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators maintain assignment groups.");
}

const taken = (name: string) => conflict(`Name: a group named “${name}” already exists.`, "name");
const orTaken = (name: string) => (e: unknown) => {
  if (isUniqueViolation(e)) throw taken(name);
  throw e;
};

async function requireGroup(tx: Tx, id: unknown) {
  const n = recordId(id);
  const group = n !== null ? await tx.group.findUnique({ where: { id: n } }) : null;
  if (!group) throw notFound("The group");
  return group;
}

/** The manager must be an active internal user (they need not be a member). */
async function checkManager(tx: Tx, managerId: number | null) {
  if (managerId && !(await activeInternalUsers(tx, [managerId])).length)
    throw invalid(
      "managerId",
      "Manager: pick an active internal user with a role (a user without one can work nothing).",
    );
}

export async function createGroup(actor: Actor, raw: GroupCreateInput, outer?: Tx) {
  assertGroupAdmin(actor);
  const input = parseOrThrow(groupCreateSchema, raw);
  const nameKey = groupNameKey(input.name);
  return inTransaction(outer, async (tx) => {
    if (await tx.group.findUnique({ where: { nameKey }, select: { id: true } })) throw taken(input.name);
    await checkManager(tx, input.managerId ?? null);
    const group = await tx.group.create({
      data: { name: input.name, nameKey, managerId: input.managerId ?? null },
      select: { id: true, name: true, managerId: true, active: true },
    });
    await auditCreation(tx, TABLE.group, group, actor);
    return group;
  }).catch(orTaken(input.name));
}

export async function updateGroup(actor: Actor, id: unknown, raw: GroupUpdateInput, outer?: Tx) {
  assertGroupAdmin(actor);
  const input = parseOrThrow(groupUpdateSchema, raw);
  const nameKey = groupNameKey(input.name);
  return inTransaction(outer, async (tx) => {
    const before = await requireGroup(tx, id);
    if (input.version !== before.version) throw staleRecord("group");
    if (
      nameKey !== before.nameKey &&
      (await tx.group.findUnique({ where: { nameKey }, select: { id: true } }))
    )
      throw taken(input.name);
    const fields = { name: input.name, managerId: input.managerId ?? null };
    if (fields.managerId !== before.managerId) await checkManager(tx, fields.managerId);
    const changes = diffFields(before, fields);
    if (!changes.length) return { id: before.id, changed: false };
    const saved = await tx.group.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...fields, nameKey, version: { increment: 1 } },
    });
    if (!saved.count) throw staleRecord("group");
    await writeAudit(tx, TABLE.group, before.id, changes, actor);
    return { id: before.id, changed: true };
  }).catch(orTaken(input.name));
}

/**
 * Deactivate / Reactivate: an inactive group is offered in no picker and takes no new work; its
 * cases keep it until someone moves them (the list filter still finds them).
 */
export async function setGroupActive(actor: Actor, id: unknown, raw: { active?: unknown }, outer?: Tx) {
  assertGroupAdmin(actor);
  const { active } = parseOrThrow(activeSchema, raw);
  return inTransaction(outer, async (tx) => {
    const before = await requireGroup(tx, id);
    if (before.active === active) return { id: before.id, changed: false };
    // Only while it is still the other way: two clicks at once change and audit it once.
    const { count } = await tx.group.updateMany({
      where: { id: before.id, active: !active },
      data: { active, version: { increment: 1 } },
    });
    if (!count) return { id: before.id, changed: false };
    await writeAudit(tx, TABLE.group, before.id, diffFields(before, { active }), actor);
    return { id: before.id, changed: true };
  });
}

/** Add member: an active internal user; adding one twice changes nothing. Audited as "members". */
export async function addGroupMember(actor: Actor, id: unknown, raw: { userId?: unknown }, outer?: Tx) {
  assertGroupAdmin(actor);
  const { userId } = parseOrThrow(groupMemberSchema, raw);
  return inTransaction(outer, async (tx) => {
    const group = await requireGroup(tx, id);
    const [user] = await activeInternalUsers(tx, [userId]);
    if (!user)
      throw invalid(
        "userId",
        "Member: pick an active internal user with a role (a user without one can work nothing).",
      );
    const n = await insertMember(tx, group.id, userId);
    if (n)
      await writeAudit(
        tx,
        TABLE.group,
        group.id,
        [{ field: "members", oldValue: null, newValue: `+ ${user.name}` }],
        actor,
      );
    return { id: group.id, added: n > 0, name: user.name };
  });
}

/**
 * Remove member. Cases and incidents already assigned to them stay so (they are still theirs to
 * finish or hand back); only new assignments check membership.
 */
export async function removeGroupMember(actor: Actor, id: unknown, raw: { userId?: unknown }, outer?: Tx) {
  assertGroupAdmin(actor);
  const { userId } = parseOrThrow(groupMemberSchema, raw);
  return inTransaction(outer, async (tx) => {
    const group = await requireGroup(tx, id);
    const gone = await tx.groupMember.deleteMany({ where: { groupId: group.id, userId } });
    if (gone.count) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
      await writeAudit(
        tx,
        TABLE.group,
        group.id,
        [{ field: "members", oldValue: `- ${user?.name ?? userId}`, newValue: null }],
        actor,
      );
    }
    return { id: group.id, removed: gone.count > 0 };
  });
}
