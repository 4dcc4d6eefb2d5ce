import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { creationChanges, type FieldChange } from "@/lib/domain/audit/diff";
import { serialKeyOf } from "@/lib/domain/directory/names";
import { conflict } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { insertAuditRows, type AuditRow } from "@/lib/server/tables/audit-entry";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";
import { insertUsers, userIdsByEmail } from "@/lib/server/tables/user";
import { insertRolesByEmail } from "@/lib/server/tables/user-role";
import { nextNumbers } from "../../records/numbers";
import { applyUsersActive } from "../../users/active";
import type { NewAccount } from "./plan-accounts";
import type { NewAsset } from "./plan-assets";
import type { NewPerson } from "./plan-people";
import type { Progress, Write } from "./types";

type Author = Pick<Actor, "id" | "name">;
type Audit = { recordId: number; changes: FieldChange[] };

/** REC-5: the audit rows of many records — 60,000 rows of 10,000 new contacts in one statement. */
async function auditMany(tx: Tx, table: string, items: Audit[], author: Author) {
  const rows = items.flatMap((i) =>
    i.changes.map((c): AuditRow => [i.recordId, c.field, c.oldValue, c.newValue]),
  );
  await insertAuditRows(tx, table, rows, author, new Date());
}

const creates = <T>(writes: Write<T>[]) => writes.flatMap((w) => (w.kind === "create" ? [w.data] : []));
const updates = <T>(writes: Write<T>[]) => writes.flatMap((w) => (w.kind === "update" ? [w] : []));

/**
 * A record the file updates was changed by someone else while the import ran (after its plan read
 * it): nothing is written, and the refusal names the row — the generic "this record was changed
 * after you opened it" named none of a file's 10,000.
 */
const changedWhileImporting = (what: string, row: number) =>
  conflict(
    `Row ${row}: this ${what} was changed by someone else while the file was being imported. ` +
      "Nothing was imported — preview the file again, then import it.",
    "file",
  );

/** One versioned update per changed record (an import's updates are few; its creations are set-based). */
async function updateEach<T>(
  writes: Write<T>[],
  save: (w: Extract<Write<T>, { kind: "update" }>) => Promise<number>,
  what: string,
  tick: () => void,
) {
  for (const w of updates(writes)) {
    if (!(await save(w))) throw changedWhileImporting(what, w.row);
    tick();
  }
}

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
  const deactivated: number[] = [];
  await updateEach(
    writes,
    async (w) => {
      if (w.data.active === false && w.changes.some((c) => c.field === "active")) deactivated.push(w.id);
      const { count } = await tx.account.updateMany({
        where: { id: w.id, version: w.version },
        data: { ...w.data, version: { increment: 1 } },
      });
      await auditMany(tx, TABLE.account, [{ recordId: w.id, changes: w.changes }], author);
      return count;
    },
    "account",
    tick,
  );
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
  const activeChanges: { id: number; active: boolean }[] = [];
  await updateEach(
    writes,
    async (w) => {
      const { roles, active, ...fields } = w.data;
      const { count } = await tx.user.updateMany({
        where: { id: w.id, version: w.version },
        data: { ...fields, version: { increment: 1 } },
      });
      if (w.changes.some((c) => c.field === "roles") && roles) {
        const list = roles.split(", ");
        await tx.userRole.deleteMany({ where: { userId: w.id, role: { notIn: list } } });
        const held = (await tx.userRole.findMany({ where: { userId: w.id }, select: { role: true } })).map(
          (r) => r.role,
        );
        await tx.userRole.createMany({
          data: list.filter((r) => !held.includes(r)).map((role) => ({ userId: w.id, role })),
        });
      }
      if (active !== undefined && w.changes.some((c) => c.field === "active"))
        activeChanges.push({ id: w.id, active });
      await auditMany(
        tx,
        TABLE.user,
        [{ recordId: w.id, changes: w.changes.filter((c) => c.field !== "active") }],
        author,
      );
      return count;
    },
    "user",
    tick,
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
  await updateEach(
    writes,
    async (w) => {
      const { count } = await tx.asset.updateMany({
        where: { id: w.id, version: w.version },
        data: {
          ...w.data,
          // The key when the serial or the account changes (as on the page).
          ...(w.data.serialNumber !== undefined &&
            w.changes.some((c) => c.field === "serialNumber" || c.field === "accountId") && {
              serialKey: serialKeyOf(w.data.serialNumber),
            }),
          version: { increment: 1 },
        },
      });
      await auditMany(tx, TABLE.asset, [{ recordId: w.id, changes: w.changes }], author);
      return count;
    },
    "asset",
    tick,
  );
}

export type Writer = typeof writeAccounts | typeof writePeople | typeof writeAssets;
export type { Progress };
