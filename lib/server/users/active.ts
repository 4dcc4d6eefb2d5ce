import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { lockRows } from "@/lib/server/tables/row-locks";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";

/**
 * ADM-3, SET-2: sets `active` on the users `where` selects that are not so yet, in the caller's
 * transaction, and answers their ids. Deactivation ends their sessions (their next request goes to
 * sign-in), revokes their API tokens (reactivating them must not bring a leaked token back), retires
 * their unused password links and ends their being an account's primary contact; each changed user
 * gets one audit row and a new version. Set-based, so an
 * account's thousand contacts cost a few statements per 500.
 */
export async function applyUsersActive(
  tx: Tx,
  where: Prisma.UserWhereInput,
  active: boolean,
  actor: Pick<Actor, "id" | "name"> | null,
  now = new Date(),
): Promise<{ ids: number[]; endedSessions: number }> {
  const candidates = (
    await tx.user.findMany({ where: { ...where, active: !active }, select: { id: true } })
  ).map((u) => u.id);
  const ids: number[] = [];
  let endedSessions = 0;
  await inGroups(candidates, IN_LIST_MAX, async (some) => {
    // Accounts before users, as every other path takes them (an import, a new contact, an account's
    // deactivation): a deactivated primary contact's account is changed below, and taking the
    // user first deadlocked with an import of that account's contacts (PostgreSQL).
    if (!active) await lockPrimaryAccounts(tx, some);
    // REC-6: the user's version moves, so a form or API write from before is refused as stale. Only
    // the users still not so: two deactivations at once (PostgreSQL) both read the user active, and
    // the second, waiting on the first's row lock, changed and audited it again.
    const group = (
      await tx.user.updateManyAndReturn({
        where: { id: { in: some }, active: !active },
        data: { active, version: { increment: 1 } },
        select: { id: true },
      })
    ).map((u) => u.id);
    if (!group.length) return;
    ids.push(...group);
    // ADM-3: the user's sessions end either way. Deactivation ends them; a reactivated user starts with
    // none — a sign-in whose password was checked while the deactivation committed made its session
    // after the others had ended: dead while the user was inactive, it would come back to life here.
    // (Not a lock on sign-in, which would wait behind any long transaction holding the row: an import.)
    const ended = (await tx.session.deleteMany({ where: { userId: { in: group } } })).count;
    if (!active) {
      endedSessions += ended;
      await tx.apiToken.updateMany({
        where: { userId: { in: group }, revokedAt: null },
        data: { revokedAt: now },
      });
      await tx.passwordToken.updateMany({
        where: { userId: { in: group }, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      await clearPrimaryContacts(tx, group, actor);
    }
    await tx.auditEntry.createMany({
      data: group.map((recordId) => ({
        table: TABLE.user,
        recordId,
        field: "active",
        oldValue: String(!active),
        newValue: String(active),
        userId: actor?.id ?? null,
        userName: actor?.name ?? "System",
      })),
    });
  });
  return { ids, endedSessions };
}

/** The accounts these users are the primary contact of, locked (PostgreSQL). */
async function lockPrimaryAccounts(tx: Tx, userIds: number[]) {
  const accounts = await tx.account.findMany({
    where: { primaryContactId: { in: userIds } },
    select: { id: true },
  });
  await lockRows(
    tx,
    "Account",
    accounts.map((a) => a.id),
  );
}

/** SET-2: a deactivated contact stops being their account's primary contact (audited on the account). */
async function clearPrimaryContacts(tx: Tx, userIds: number[], actor: Pick<Actor, "id" | "name"> | null) {
  const accounts = await tx.account.findMany({
    where: { primaryContactId: { in: userIds } },
    select: { id: true, primaryContactId: true },
  });
  if (!accounts.length) return;
  await tx.account.updateMany({
    where: { id: { in: accounts.map((a) => a.id) } },
    data: { primaryContactId: null, version: { increment: 1 } },
  });
  await tx.auditEntry.createMany({
    data: accounts.map((a) => ({
      table: TABLE.account,
      recordId: a.id,
      field: "primaryContactId",
      oldValue: String(a.primaryContactId),
      newValue: null,
      userId: actor?.id ?? null,
      userName: actor?.name ?? "System",
    })),
  });
}
