import "server-only";
// Names and numbers of referenced records of several tables ("User", "Account", "Asset", "Group",
// "Incident", "Problem", "ChangeRequest", "Case"), for many ids of each, in ONE statement (a UNION ALL
// with one cheap branch per table asked for). PostgreSQL spends far longer planning a 14-way join than
// running it; this keeps planning and execution both under a millisecond.
import { db, Prisma } from "@/lib/db";

import type { RefKind } from "@/lib/domain/records/refs";

export type { RefKind };
export type RefRow = {
  id: number;
  number: string | null;
  name: string | null;
  email: string | null;
  state: number | null;
};

// Every branch names its columns: a UNION takes its column names from whichever branch comes first.
const cols = (kind: string, number: string, name: string, email: string, state: string) =>
  Prisma.raw(
    `SELECT '${kind}' AS "kind", "id", ${number} AS "number", ${name} AS "name", ` +
      `${email} AS "email", ${state} AS "state"`,
  );
const NO_TEXT = "CAST(NULL AS TEXT)";
const NO_INT = "CAST(NULL AS INTEGER)";
/** The columns of a numbered record (incident, problem, change, case). */
const recordCols = (kind: RefKind) => cols(kind, `"number"`, `"shortDescription"`, NO_TEXT, `"state"`);

const BRANCH: Record<RefKind, (ids: Prisma.Sql) => Prisma.Sql> = {
  user: (ids) =>
    Prisma.sql`${cols("user", NO_TEXT, `"name"`, `"email"`, NO_INT)} FROM "User" WHERE "id" IN (${ids})`,
  account: (ids) =>
    Prisma.sql`${cols("account", `"number"`, `"name"`, NO_TEXT, NO_INT)} FROM "Account" WHERE "id" IN (${ids})`,
  asset: (ids) =>
    Prisma.sql`${cols("asset", `"number"`, `"name"`, NO_TEXT, NO_INT)} FROM "Asset" WHERE "id" IN (${ids})`,
  group: (ids) =>
    Prisma.sql`${cols("group", NO_TEXT, `"name"`, NO_TEXT, NO_INT)} FROM "Group" WHERE "id" IN (${ids})`,
  template: (ids) =>
    Prisma.sql`${cols("template", NO_TEXT, `"name"`, NO_TEXT, NO_INT)}
      FROM "StandardChangeTemplate" WHERE "id" IN (${ids})`,
  incident: (ids) => Prisma.sql`${recordCols("incident")} FROM "Incident" WHERE "id" IN (${ids})`,
  problem: (ids) => Prisma.sql`${recordCols("problem")} FROM "Problem" WHERE "id" IN (${ids})`,
  change: (ids) => Prisma.sql`${recordCols("change")} FROM "ChangeRequest" WHERE "id" IN (${ids})`,
  case: (ids) => Prisma.sql`${recordCols("case")} FROM "Case" WHERE "id" IN (${ids})`,
};

/** The referenced records `ids` (per kind, each non-empty) as raw rows — none asked, no statement. */
export async function readRefRows(
  ids: ReadonlyMap<RefKind, ReadonlySet<number>>,
): Promise<(RefRow & { kind: RefKind })[]> {
  const branches = [...ids].map(([kind, set]) => BRANCH[kind](Prisma.join([...set])));
  if (!branches.length) return [];
  return db().$queryRaw<(RefRow & { kind: RefKind })[]>`${Prisma.join(branches, " UNION ALL ")}`;
}
