import "server-only";
import type { Tx } from "@/lib/db";
import { creationChanges } from "@/lib/domain/audit/diff";
import { serialKeyOf } from "@/lib/domain/directory/names";
import { TABLE } from "@/lib/domain/records/tables";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";
import { insertUsers, userIdsByEmail } from "@/lib/server/tables/user";
import { insertRolesByEmail, setRolesOf } from "@/lib/server/tables/user-role";
import { nextNumbers } from "../../records/numbers";
import { applyUsersActive } from "../../users/active";
import type { NewAccount } from "./plan-accounts";
import type { NewAsset } from "./plan-assets";
import type { NewPerson } from "./plan-people";
import type { Progress, Write } from "./types";
import {
  ACCOUNTS,
  ASSETS,
  auditMany,
  PEOPLE,
  REKEYED_ASSETS,
  updateAll,
  type Audit,
  type Author,
} from "./updates";

const creates = <T>(writes: Write<T>[]) => writes.flatMap((w) => (w.kind === "create" ? [w.data] : []));

export async function writeAccounts(tx: Tx, writes: Write<NewAccount>[], author: Author, tick: () => void) {
  const data = creates(writes);
  const numbers = await nextNumbers(tx, "account", data.length);
  const made: Audit[] = [];
  await inGroups(
    data.map((d, i) => ({ ...d, number: numbers[i] })),
    IN_LIST_MAX,
    async (g) => {
      const rows = await tx.account.createManyAndReturn({ data: g, select: { id: true, number: true } });
      const ids = new Map(rows.map((r) => [r.number, r.id]));
      for (const a of g) made.push({ recordId: ids.get(a.number)!, changes: creationChanges(strip(a)) });
      g.forEach(tick);
    },
  );
  await auditMany(tx, TABLE.account, made, author);
  const changed = await updateAll(tx, ACCOUNTS, writes, author, tick);
  const deactivated = changed
    .filter((w) => w.data.active === false && w.changes.some((c) => c.field === "active"))
    .map((w) => w.id);
  // As on the page: a deactivated account's contacts are deactivated with it (signed out, tokens revoked).
  if (deactivated.length)
    await applyUsersActive(tx, { accountId: { in: deactivated }, kind: "contact" }, false, author);
}

/** An account's audited initial values: not its identity or match key (as auditCreation). */
const strip = ({ nameKey: _key, number: _number, ...rest }: NewAccount & { number: string }) => rest;

/**
 * New people, their roles and their ids by email: three statements whatever their number
 * (lib/server/tables/user.ts, user-role.ts).
 */
async function insertPeople(tx: Tx, people: NewPerson[]): Promise<Map<string, number>> {
  await insertUsers(tx, people, new Date());
  await insertRolesByEmail(
    tx,
    people.flatMap((p) => p.roles.split(", ").map((role): [string, string] => [p.email, role])),
  );
  return userIdsByEmail(
    tx,
    people.map((p) => p.email),
  );
}

export async function writePeople(tx: Tx, writes: Write<NewPerson>[], author: Author, tick: () => void) {
  const made: Audit[] = [];
  const firstOfAccount = new Map<number, number>();
  const people = creates(writes);
  const byEmail = await insertPeople(tx, people);
  for (const p of people) {
    const id = byEmail.get(p.email)!;
    if (p.accountId && p.active && !firstOfAccount.has(p.accountId)) firstOfAccount.set(p.accountId, id);
    made.push({ recordId: id, changes: creationChanges(p) });
    tick();
  }
  await auditMany(tx, TABLE.user, made, author);
  // PRO-2: an account's first contact becomes its primary contact, as on the page.
  for (const [accountId, userId] of firstOfAccount) {
    const { count } = await tx.account.updateMany({
      where: { id: accountId, primaryContactId: null },
      data: { primaryContactId: userId, version: { increment: 1 } },
    });
    if (count)
      await auditMany(
        tx,
        TABLE.account,
        [
          {
            recordId: accountId,
            changes: [{ field: "primaryContactId", oldValue: null, newValue: String(userId) }],
          },
        ],
        author,
      );
  }
  const changed = await updateAll(tx, PEOPLE, writes, author, tick);
  const newRoles = changed.filter((w) => w.data.roles && w.changes.some((c) => c.field === "roles"));
  await setRolesOf(
    tx,
    newRoles.map((w) => w.id),
    newRoles.flatMap((w) => w.data.roles!.split(", ").map((role): [number, string] => [w.id, role])),
  );
  const activeChanges = changed.flatMap((w) =>
    w.data.active !== undefined && w.changes.some((c) => c.field === "active")
      ? [{ id: w.id, active: w.data.active }]
      : [],
  );
  // Deactivation signs out and revokes tokens (and writes its own audit row), as on the page.
  for (const active of [false, true]) {
    const ids = activeChanges.filter((c) => c.active === active).map((c) => c.id);
    if (ids.length) await applyUsersActive(tx, { id: { in: ids } }, active, author);
  }
}

export async function writeAssets(tx: Tx, writes: Write<NewAsset>[], author: Author, tick: () => void) {
  const data = creates(writes);
  const numbers = await nextNumbers(tx, "asset", data.length);
  const made: Audit[] = [];
  await inGroups(
    data.map((d, i) => ({ ...d, serialKey: serialKeyOf(d.serialNumber), number: numbers[i] })),
    IN_LIST_MAX,
    async (g) => {
      const rows = await tx.asset.createManyAndReturn({ data: g, select: { id: true, number: true } });
      const ids = new Map(rows.map((r) => [r.number, r.id]));
      for (const { number, serialKey: _key, ...a } of g)
        made.push({ recordId: ids.get(number)!, changes: creationChanges(a) });
      g.forEach(tick);
    },
  );
  await auditMany(tx, TABLE.asset, made, author);
  const rekeys = (w: Write<NewAsset>) =>
    w.kind === "update" && w.changes.some((c) => c.field === "serialNumber" || c.field === "accountId");
  await updateAll(tx, REKEYED_ASSETS, writes.filter(rekeys), author, tick);
  await updateAll(
    tx,
    ASSETS,
    writes.filter((w) => !rekeys(w)),
    author,
    tick,
  );
}

export type Writer = typeof writeAccounts | typeof writePeople | typeof writeAssets;
export type { Progress };
