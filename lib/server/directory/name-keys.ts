import "server-only";
import { db, Prisma } from "@/lib/db";
import { accountNameKey } from "@/lib/domain/directory/names";

/**
 * SET-2: accounts whose stored match key is not what lib/domain/directory/names.ts makes of their
 * name get it — the migration that added the key could only approximate it in SQL (lower(trim(name)):
 * no NFKC, runs of spaces kept, and SQLite lowers ASCII letters only). Run at every start (one read of
 * the accounts' names and keys). Two accounts whose names are one name keep their numbered key; they
 * are answered, to be renamed, since imports cannot tell them apart by name.
 */
export async function repairAccountNameKeys(): Promise<{ fixed: number; clashes: string[] }> {
  const rows = await db().account.findMany({ select: { id: true, name: true, number: true, nameKey: true } });
  let fixed = 0;
  const clashes: string[] = [];
  for (const r of rows) {
    const key = accountNameKey(r.name);
    if (r.nameKey === key) continue;
    try {
      await db().account.update({ where: { id: r.id }, data: { nameKey: key } });
      fixed++;
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
      clashes.push(`${r.number} “${r.name}”`);
    }
  }
  return { fixed, clashes };
}
