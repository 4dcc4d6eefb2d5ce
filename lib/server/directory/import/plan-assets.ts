import "server-only";
import { diffFields, type FieldChange } from "@/lib/domain/audit/diff";
import { FIELD_LABELS } from "@/lib/domain/audit/labels";
import type { AssetRow } from "@/lib/domain/directory/import/rows";
import { assetSerialKey, serialKeyOf } from "@/lib/domain/directory/names";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";
import { accountsNamed } from "./accounts-named";
import {
  changeLines,
  firstOfEach,
  type LockAccounts,
  type Plan,
  type PlannedRow,
  type Reader,
  type Write,
} from "./types";

export type NewAsset = { name: string; serialNumber: string | null; accountId: number };
type Row = { row: number; value: AssetRow };
type Existing = NewAsset & { id: number; number: string; version: number; accountId: number | null };

const select = {
  id: true,
  number: true,
  name: true,
  serialNumber: true,
  accountId: true,
  version: true,
} as const;

const assetKey = (accountId: number, key: string) => `${accountId}\u0000${key}`;

/**
 * SET-3 assets: a row with a Number updates that asset (an unknown number is an error); without one
 * it is matched within its account by its serial number (as written: serials are identifiers), or by
 * its name among the assets without one when it has none, and created when nothing matches — so a
 * file imported twice changes nothing. Two rows naming one asset, or a name several assets share, are
 * errors. The Account cell names an active account by number or name.
 */
export async function planAssets(
  client: Reader,
  rows: Row[],
  columns: Record<string, string>,
  lock?: LockAccounts,
): Promise<Plan<NewAsset>> {
  const accountOf = await accountsNamed(client, [...new Set(rows.map((r) => r.value.account))], lock);
  const out: PlannedRow[] = [];
  const resolved: (Row & { accountId: number })[] = [];
  for (const r of rows) {
    const account = accountOf(r.value.account);
    const problem = !account
      ? `No account is numbered or named “${r.value.account}”.`
      : !account.active
        ? `${account.name} is deactivated; reactivate it first.`
        : null;
    if (problem)
      out.push({
        row: r.row,
        outcome: "error",
        label: r.value.name,
        errors: [{ column: columns.account, message: problem }],
      });
    else resolved.push({ ...r, accountId: account!.id });
  }
  const byNumber = firstOfEach(
    resolved,
    (r) => r.value.number || null,
    columns.number ?? "Number",
    "number",
    (r) => r.value.name,
  );
  // Without a number an asset is known by its serial number in its account, else by its name there.
  const unique = firstOfEach(
    byNumber.kept,
    (r) =>
      r.value.number
        ? null
        : assetKey(
            r.accountId,
            r.value.serialNumber ? `#${assetSerialKey(r.value.serialNumber)}` : r.value.name,
          ),
    columns.serialNumber ?? columns.name,
    "asset (serial number, or name without one, in this account)",
    (r) => r.value.name,
  );
  out.push(...byNumber.refused, ...unique.refused);
  const found: Existing[] = [];
  const numbers = unique.kept.flatMap((r) => (r.value.number ? [r.value.number] : []));
  await inGroups(numbers, IN_LIST_MAX, async (g) => {
    found.push(...((await client.asset.findMany({ where: { number: { in: g } }, select })) as Existing[]));
  });
  const accounts = [...new Set(unique.kept.flatMap((r) => (r.value.number ? [] : [r.accountId])))];
  await inGroups(accounts, IN_LIST_MAX, async (g) => {
    found.push(...((await client.asset.findMany({ where: { accountId: { in: g } }, select })) as Existing[]));
  });
  const accountText = await accountTexts(client, rows, accountOf, found);
  // The preview names accounts as people know them ("Account: Globex Industries (ACC0000003) →
  // Acme Corporation (ACC0000001)"), not by the ids the update writes (and the history maps).
  const shownChanges = (changes: FieldChange[]) =>
    changes.map((c) =>
      c.field === "accountId"
        ? { ...c, oldValue: accountText(c.oldValue), newValue: accountText(c.newValue) }
        : c,
    );
  const writes: Write<NewAsset>[] = [];
  const claimed = new Map<number, number>(); // asset id → the row that names it
  // SET-2: a row giving an asset (by its Number) a serial number another asset of the account has,
  // or moving it to an account where one has it, is refused as on the page — the unique key would
  // otherwise fail the whole import. So is a second row giving one account's assets one serial.
  const numbered = new Set(numbers);
  const holders = await serialHolders(
    client,
    [
      ...unique.kept.flatMap((r) => (r.value.serialNumber ? [r.value.serialNumber] : [])),
      ...found.flatMap((a) => (a.serialNumber && numbered.has(a.number) ? [a.serialNumber] : [])),
    ],
    [...new Set(unique.kept.map((r) => r.accountId))],
  );
  const serialRows = new Map<string, number>(); // account and serial key → the row that gives it
  const serialsInFile = new Set(
    unique.kept.flatMap((r) =>
      r.value.serialNumber ? [assetKey(r.accountId, assetSerialKey(r.value.serialNumber))] : [],
    ),
  );
  const matching = indexAssets(found, { serials: serialsInFile, numbers: new Set(numbers) });
  for (const { row, value: v, accountId } of unique.kept) {
    const candidates = matching(v, accountId);
    const ids = new Set(candidates.map((a) => a.id));
    if (ids.size > 1) {
      // SET-3: the error names the field the row was matched by.
      const [what, column] = v.serialNumber
        ? [`have the serial number “${v.serialNumber}”`, columns.serialNumber ?? columns.name]
        : [`are named “${v.name}”`, columns.name];
      const message = `Several assets of this account ${what}; give the Number of the one to update.`;
      out.push({ row, outcome: "error", label: v.name, errors: [{ column, message }] });
      continue;
    }
    const target = candidates[0];
    if (target && claimed.has(target.id)) {
      const message = `Row ${claimed.get(target.id)} already names this asset (${target.number}).`;
      out.push({
        row,
        outcome: "error",
        label: v.name,
        errors: [{ column: columns.number ?? columns.name, message }],
      });
      continue;
    }
    if (target) claimed.set(target.id, row);
    if (v.number && !target) {
      out.push({
        row,
        outcome: "error",
        label: v.name,
        errors: [{ column: columns.number, message: `No asset has the number ${v.number}.` }],
      });
      continue;
    }
    const next = {
      name: v.name,
      // A blank cell (or no Serial column) leaves a found asset's serial as it is.
      serialNumber: v.serialNumber || (target?.serialNumber ?? null),
      accountId,
    };
    const serialKey = serialKeyOf(next.serialNumber);
    // Asked when the row gives the asset its serial or account anew — its text, as the page and the
    // write decide (write.ts rewrites the key then: "SN-1" for a keyless twin's "sn-1" is its
    // sibling's key). A row changing neither — the same file again — is no collision, whatever an
    // older version left.
    const keyMoves =
      !target || (target.serialNumber ?? null) !== next.serialNumber || target.accountId !== accountId;
    if (serialKey && keyMoves) {
      const slot = assetKey(accountId, serialKey);
      const holder = holders.get(slot);
      const serial = `the serial number “${next.serialNumber}”`;
      const problem =
        holder && holder.id !== target?.id
          ? `Asset ${holder.number} of this account already has ${serial}.`
          : serialRows.has(slot)
            ? `Row ${serialRows.get(slot)} already gives an asset of this account ${serial}.`
            : null;
      if (problem) {
        const column = columns.serialNumber ?? columns.account;
        out.push({ row, outcome: "error", label: v.name, errors: [{ column, message: problem }] });
        continue;
      }
      serialRows.set(slot, row);
    }
    if (!target) {
      out.push({ row, outcome: "create", label: v.name });
      writes.push({ row, kind: "create", data: next });
      continue;
    }
    const changes = diffFields(target, next);
    out.push(
      changes.length
        ? {
            row,
            outcome: "update",
            label: `${v.name} (${target.number})`,
            changes: changeLines(shownChanges(changes), (f) => FIELD_LABELS[f] ?? f),
          }
        : { row, outcome: "unchanged", label: `${v.name} (${target.number})` },
    );
    if (changes.length)
      writes.push({ row, kind: "update", id: target.id, version: target.version, changes, data: next });
  }
  return { rows: out, writes };
}

/** "Name (ACC…)" of the accounts the rows name and the matched assets are on, by id as text. */
async function accountTexts(
  client: Reader,
  rows: Row[],
  accountOf: Awaited<ReturnType<typeof accountsNamed>>,
  found: Existing[],
) {
  const text = new Map<number, string>();
  for (const r of rows) {
    const a = accountOf(r.value.account);
    if (a) text.set(a.id, `${a.name} (${a.number})`);
  }
  const missing = [
    ...new Set(found.flatMap((a) => (a.accountId !== null && !text.has(a.accountId) ? [a.accountId] : []))),
  ];
  await inGroups(missing, IN_LIST_MAX, async (g) => {
    for (const a of await client.account.findMany({
      where: { id: { in: g } },
      select: { id: true, name: true, number: true },
    }))
      text.set(a.id, `${a.name} (${a.number})`);
  });
  return (value: string | null) => (value === null ? null : (text.get(Number(value)) ?? value));
}

/** The assets of these accounts holding these serial numbers' keys, by account and key (the unique index). */
async function serialHolders(client: Reader, serials: string[], accountIds: number[]) {
  const keys = [...new Set(serials.map(assetSerialKey))];
  const held = new Map<string, { id: number; number: string }>();
  if (!accountIds.length) return held;
  await inGroups(keys, IN_LIST_MAX, async (g) => {
    for (const a of await client.asset.findMany({
      // (Past one list's worth of accounts, the keys alone: the statement's parameters are bounded.)
      where: {
        ...(accountIds.length <= IN_LIST_MAX && { accountId: { in: accountIds } }),
        serialKey: { in: g },
      },
      select: { id: true, number: true, accountId: true, serialKey: true },
    }))
      if (a.accountId !== null && a.serialKey) held.set(assetKey(a.accountId, a.serialKey), a);
  });
  return held;
}

/**
 * SET-3 / PERF-9: the assets found, by number, and within an account by serial key or by name, so
 * matching a row is one lookup, not a scan of every asset of its accounts (a 10,000-asset file
 * imported again into one account was 10⁸ comparisons). An asset found twice (by its number and by
 * its account) is listed once.
 */
function indexAssets(
  found: Existing[],
  inFile: { serials: ReadonlySet<string>; numbers: ReadonlySet<string> },
) {
  const byNumber = new Map<string, Existing>();
  const bySerial = new Map<string, Existing[]>();
  const byName = new Map<string, Existing[]>();
  const byNameWithoutSerial = new Map<string, Existing[]>();
  const byNameSerialNotInFile = new Map<string, Existing[]>();
  const add = (index: Map<string, Existing[]>, key: string, a: Existing) =>
    index.set(key, [...(index.get(key) ?? []), a].slice(0, 2)); // two are enough to refuse the row
  for (const a of found) {
    if (byNumber.has(a.number)) continue;
    byNumber.set(a.number, a);
    if (a.accountId === null) continue;
    add(byName, assetKey(a.accountId, a.name), a);
    const serial = a.serialNumber && assetKey(a.accountId, assetSerialKey(a.serialNumber));
    if (serial) add(bySerial, serial, a);
    // A blank Serial cell never names an asset another row names by its Number or its serial.
    if (inFile.numbers.has(a.number)) continue;
    if (!serial) add(byNameWithoutSerial, assetKey(a.accountId, a.name), a);
    else if (!inFile.serials.has(serial)) add(byNameSerialNotInFile, assetKey(a.accountId, a.name), a);
  }
  return (v: AssetRow, accountId: number): Existing[] => {
    if (v.number) return byNumber.has(v.number) ? [byNumber.get(v.number)!] : [];
    if (v.serialNumber) return bySerial.get(assetKey(accountId, assetSerialKey(v.serialNumber))) ?? [];
    // A file without the Serial column matches by name among all (it says nothing of serials).
    const key = assetKey(accountId, v.name);
    if (v.serialNumber === undefined) return byName.get(key) ?? [];
    // A blank Serial cell names an asset without one; else one with a serial the file does not give
    // another row (its serial kept: a blank cell changes nothing, as elsewhere) — not an asset the
    // file names by its serial. Matched among all by name, a file of "Laptop, SN1" and "Laptop,
    // (blank)" found both the second time (an error where "unchanged" was due), or cleared SN1's
    // serial; matched among those without one only, a blank serial cell made a second "Printer".
    return byNameWithoutSerial.get(key) ?? byNameSerialNotInFile.get(key) ?? [];
  };
}
