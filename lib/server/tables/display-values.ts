import "server-only";
import { db, Prisma } from "@/lib/db";
import { modelOf, tableSql } from "./sql";

// Any referenced table's display column by id, for the Table API's display values (API-4).

/**
 * `display` of the rows `ids` of `model` (a Prisma model name) — one plain statement: Prisma's
 * findMany with `id in (…100 ids)` cost ~10 ms of CPU per page (query building and row mapping)
 * against ~1.5 ms for the same SQL (PERF-6). Names are the fixed model and column of the API's
 * reference targets, never input.
 */
export function readDisplayValues(model: string, display: string, ids: readonly number[]) {
  const table = modelOf(model);
  if (!table) throw new Error(`readDisplayValues: no Prisma model "${model}"`);
  return db().$queryRaw<{ id: unknown; display: unknown }[]>`
    SELECT "id", ${Prisma.raw(`"${display}"`)} AS "display" FROM ${tableSql(table)}
    WHERE "id" IN (${Prisma.join(ids)})`;
}
