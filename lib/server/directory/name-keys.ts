import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { accountNameKey, serialKeyOf } from "@/lib/domain/directory/names";

type Repair = { fixed: number; clashes: string[] };

/** Each row whose stored key is not `keyOf` of it gets it; one a unique key refuses is a clash. */
async function repairKeys<R extends { key: string | null }>(
  rows: R[],
  keyOf: (r: R) => string | null,
  save: (r: R, key: string | null) => Promise<unknown>,
  name: (r: R) => string,
): Promise<Repair> {
  const out: Repair = { fixed: 0, clashes: [] };
  for (const r of rows) {
    const key = keyOf(r);
    if (r.key === key) continue;
    try {
      await save(r, key);
      out.fixed++;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      out.clashes.push(name(r));
    }
  }
  return out;
}

/**
 * SET-2: accounts whose stored match key is not what lib/domain/directory/names.ts makes of their
 * name get it — the migration that added the key could only approximate it in SQL (lower(trim(name)):
 * no NFKC, runs of spaces kept, and SQLite lowers ASCII letters only). Run at every start (one read of
 * the accounts' names and keys). Two accounts whose names are one name keep their numbered key; they
 * are answered, to be renamed, since imports cannot tell them apart by name.
 */
export async function repairAccountNameKeys(): Promise<Repair> {
  const rows = await db().account.findMany({ select: { id: true, name: true, number: true, nameKey: true } });
  return repairKeys(
    rows.map((r) => ({ ...r, key: r.nameKey })),
    (r) => accountNameKey(r.name),
    (r, nameKey) => db().account.update({ where: { id: r.id }, data: { nameKey: nameKey! } }),
    (r) => `${r.number} “${r.name}”`,
  );
}

/**
 * SET-2: the same for assets' serial keys (the migration that added them used SQL's UPPER(TRIM())).
 * A serial another asset of the account already holds keeps no key; those assets are answered,
 * to be given their true serial numbers. One read of the assets that have a serial number.
 */
export async function repairAssetSerialKeys(): Promise<Repair> {
  const rows = await db().asset.findMany({
    where: { serialNumber: { not: null } },
    select: { id: true, number: true, serialNumber: true, serialKey: true },
  });
  return repairKeys(
    rows.map((r) => ({ ...r, key: r.serialKey })),
    (r) => serialKeyOf(r.serialNumber),
    (r, serialKey) => db().asset.update({ where: { id: r.id }, data: { serialKey } }),
    (r) => `${r.number} “${r.serialNumber}”`,
  );
}
