import "server-only";
import { inTransaction, type Tx, isUniqueViolation } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { diffFields } from "@/lib/domain/audit/diff";
import {
  assetCreateSchema,
  assetUpdateSchema,
  type AssetCreateInput,
  type AssetUpdateInput,
} from "@/lib/domain/directory/schemas";
import { assetSerialKey, serialKeyOf } from "@/lib/domain/directory/names";
import { invalid, notFound, staleRecord } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow, recordNumber } from "@/lib/domain/validation";
import { auditCreation, writeAudit } from "../audit/write";
import { nextNumber } from "../records/numbers";
import { assertDirectory, forgetDirectoryOptions } from "./access";
import { activeAccount } from "../users/contact";

const serialTaken = (serial: string, number?: string) =>
  invalid(
    "serialNumber",
    number
      ? `Serial number: asset ${number} of this account already has “${serial}”.`
      : `Serial number: another asset of this account already has “${serial}”.`,
  );

/**
 * SET-2 / SET-3: a serial number names one asset of its account, in any letter case ("sn-mx01" is
 * the asset labelled "SN-MX01", as the import matches it): a second one made the import's match by
 * serial number ambiguous, and a re-import of the same file failed. Checked on the page and the
 * Table API (both write here) by the stored key (`serialKey`, one indexed read); the unique index on
 * it answers for two writes at once (`orSerialTaken`).
 */
async function assertSerialFree(tx: Tx, accountId: number, serial: string | null, exceptId = 0) {
  if (!serial) return;
  const taken = await tx.asset.findFirst({
    where: { accountId, serialKey: assetSerialKey(serial), id: { not: exceptId } },
    select: { number: true },
  });
  if (taken) throw serialTaken(serial, taken.number);
}

const orSerialTaken = (serial: string | null) => (e: unknown) => {
  if (serial && isUniqueViolation(e)) throw serialTaken(serial);
  throw e;
};

/** SET-2: an install base item (AST…) of an account: name and serial number, audited. */
export async function createAsset(actor: Actor, raw: AssetCreateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(assetCreateSchema, raw);
  const created = await inTransaction(outer, async (tx) => {
    const account = await activeAccount(tx, input.accountId);
    const serialNumber = input.serialNumber || null;
    await assertSerialFree(tx, account.id, serialNumber);
    const asset = await tx.asset
      .create({
        data: {
          number: await nextNumber(tx, "asset"),
          name: input.name,
          serialNumber,
          serialKey: serialKeyOf(serialNumber),
          accountId: account.id,
        },
        select: { id: true, number: true, name: true, serialNumber: true, accountId: true },
      })
      .catch(orSerialTaken(serialNumber));
    await auditCreation(tx, TABLE.asset, asset, actor);
    return { ...asset, accountNumber: account.number };
  });
  forgetDirectoryOptions(outer);
  return created;
}

/** SET-2: an asset's form — name, serial number, account — versioned (REC-6) and audited. */
export async function updateAsset(actor: Actor, number: string, raw: AssetUpdateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(assetUpdateSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const before = await tx.asset.findUnique({
      where: { number: recordNumber(number, "The asset") },
      select: {
        id: true,
        number: true,
        name: true,
        serialNumber: true,
        accountId: true,
        version: true,
        account: { select: { number: true } },
      },
    });
    if (!before) throw notFound("The asset");
    if (input.version !== before.version) throw staleRecord("asset");
    const moved = input.accountId !== before.accountId ? await activeAccount(tx, input.accountId) : null;
    const accountNumbers = [before.account?.number, moved?.number].filter((n): n is string => !!n);
    const fields = { name: input.name, serialNumber: input.serialNumber || null, accountId: input.accountId };
    const changes = diffFields(before, fields);
    if (!changes.length) return { number: before.number, changed: false, accountNumbers };
    const keyChanges = changes.some((c) => c.field === "serialNumber" || c.field === "accountId");
    if (keyChanges) await assertSerialFree(tx, fields.accountId, fields.serialNumber, before.id);
    const saved = await tx.asset
      .updateMany({
        where: { id: before.id, version: before.version },
        data: {
          ...fields,
          // The key only when the serial or the account changes: an asset an older version left
          // sharing its serial (no key, named at start) can still be renamed.
          ...(keyChanges && { serialKey: serialKeyOf(fields.serialNumber) }),
          version: { increment: 1 },
        },
      })
      .catch(orSerialTaken(fields.serialNumber));
    if (!saved.count) throw staleRecord("asset");
    await writeAudit(tx, TABLE.asset, before.id, changes, actor);
    return { number: before.number, changed: true, accountNumbers };
  });
  forgetDirectoryOptions(outer);
  return out;
}
