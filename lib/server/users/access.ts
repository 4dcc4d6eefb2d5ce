import "server-only";
import { takeTurns, transaction, type Tx, isUniqueViolation } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { checkAssignable, checkSelfChange, type UserKind } from "@/lib/domain/auth/user-admin";
import { invalid, notFound } from "@/lib/domain/errors";
import {
  userActiveSchema,
  userRoleSchema,
  type UserActiveInput,
  type UserRoleInput,
} from "@/lib/domain/auth/schemas";
import { MAX_INT, parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { LOCK } from "../locks";
import { applyUsersActive } from "./active";
import { forgetUserOptions } from "../lookup/choices";
import { assertRolesFitAccount } from "./people";
import { activeAccount } from "./contact";
import { assertUserAdmin, USER_TABLE } from "./admin";

async function requireUser(tx: Tx, userId: number) {
  const user =
    Number.isInteger(userId) && userId > 0 && userId <= MAX_INT
      ? await tx.user.findUnique({
          where: { id: userId },
          select: { id: true, name: true, kind: true, accountId: true, roles: { select: { role: true } } },
        })
      : null;
  if (!user) throw notFound("The user");
  return { ...user, kind: user.kind as UserKind, roles: user.roles.map((r) => r.role).sort() };
}

type RoleChange = { userId: number; name: string; role: string; changed: boolean };

/** ADM-3: gives a user a role their kind may hold (internal roles to internal users only…). */
export async function addUserRole(actor: Actor, raw: UserRoleInput): Promise<RoleChange> {
  assertUserAdmin(actor);
  const { userId, role } = parseOrThrow(userRoleSchema, raw);
  const out = await transaction(async (tx) => {
    const user = await requireUser(tx, userId);
    const checked = checkAssignable(user.kind, role);
    if (user.roles.includes(checked)) return { userId, name: user.name, role, changed: false };
    if (user.kind === "contact") await assertRolesFitAccount(tx, user.accountId, [checked], "role");
    await tx.userRole.create({ data: { userId, role: checked } });
    await bumpVersion(tx, userId);
    const after = [...user.roles, checked].sort();
    await writeAudit(tx, USER_TABLE, userId, [rolesChange(user.roles, after)], actor);
    return { userId, name: user.name, role, changed: true };
  }).catch(async (e: unknown) => {
    // Another admin gave the same role a moment earlier: the user has it, as asked.
    if (!isUniqueViolation(e)) throw e;
    const user = await transaction((tx) => requireUser(tx, userId));
    return { userId, name: user.name, role, changed: false };
  });
  forgetUserOptions();
  return out;
}

/** ADM-3: takes a role away; never snc_external from an external user, never admin from oneself. */
export async function removeUserRole(actor: Actor, raw: UserRoleInput): Promise<RoleChange> {
  assertUserAdmin(actor);
  const { userId, role } = parseOrThrow(userRoleSchema, raw);
  const out = await transaction(async (tx) => {
    const user = await requireUser(tx, userId);
    const checked = checkAssignable(user.kind, role, true);
    if (checked === ROLE.admin) {
      checkSelfChange(actor, userId, "removeAdmin");
      await keepAnotherAdmin(tx, userId);
    }
    const { count } = await tx.userRole.deleteMany({ where: { userId, role: checked } });
    if (!count) return { userId, name: user.name, role, changed: false };
    await bumpVersion(tx, userId);
    const after = user.roles.filter((r) => r !== checked);
    await writeAudit(tx, USER_TABLE, userId, [rolesChange(user.roles, after)], actor);
    return { userId, name: user.name, role, changed: true };
  });
  forgetUserOptions();
  return out;
}

/**
 * ADM-3 (ROLE-4's admin must exist): some other active administrator must remain, or nobody could
 * administer Caseflow. Two admins deactivating each other at the same instant take turns
 * (takeTurns): the second counts after the first has committed (PostgreSQL, read committed).
 */
async function keepAnotherAdmin(tx: Tx, userId: number) {
  await takeTurns(tx, LOCK.lastAdmin);
  const others = await tx.user.count({
    where: { id: { not: userId }, active: true, kind: "internal", roles: { some: { role: ROLE.admin } } },
  });
  if (!others) throw invalid("userId", "This is the last active administrator: make another one first.");
}

/**
 * REC-6: a role given or taken is a change of the user — a contact's Edit dialog opened before it (it
 * sends the portal roles it showed) is refused as stale instead of putting the old roles back, which
 * silently undid an administrator's change (or gave back a role just revoked).
 */
const bumpVersion = (tx: Tx, userId: number) =>
  tx.user.update({ where: { id: userId }, data: { version: { increment: 1 } }, select: { id: true } });

const rolesChange = (before: string[], after: string[]) => ({
  field: "roles",
  oldValue: before.join(", ") || null,
  newValue: after.join(", ") || null,
});

/**
 * ADM-3: deactivates or reactivates a user. Deactivation ends every session of theirs in the same
 * transaction (their next request goes to sign-in) and their API tokens stop working (a token
 * only works for an active user: actorForBearer) and are revoked. An administrator cannot deactivate
 * themself, and the last active administrator stays.
 */
export async function setUserActive(actor: Actor, raw: UserActiveInput) {
  assertUserAdmin(actor);
  const { userId, active } = parseOrThrow(userActiveSchema, raw);
  if (!active) checkSelfChange(actor, userId, "deactivate");
  const out = await transaction(async (tx) => {
    const user = await requireUser(tx, userId);
    if (!active && user.roles.includes(ROLE.admin)) await keepAnotherAdmin(tx, userId);
    // SET-2: a contact of a deactivated account stays inactive, as in the directory (they would sign
    // in to the account's cases).
    if (active && user.kind === "contact" && user.accountId) await activeAccount(tx, user.accountId);
    const { ids, endedSessions } = await applyUsersActive(tx, { id: userId }, active, actor);
    if (!ids.length) return { userId, name: user.name, active, changed: false, endedSessions: 0 };
    return { userId, name: user.name, active, changed: true, endedSessions };
  });
  forgetUserOptions();
  return out;
}
