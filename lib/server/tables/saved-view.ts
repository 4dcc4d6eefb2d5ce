import "server-only";
// "SavedView": each person's saved case-list filters (WRK-4).
import { statement } from "@/lib/db/json-sql";
import { readRows } from "@/lib/db/read";
import { num } from "./sql";

const VIEWS_OF = statement(
  (d) =>
    `SELECT "id", "name", "query" FROM "SavedView" WHERE "userId" = ${d.p(1)} ORDER BY LOWER("name"), "id"`,
);

/**
 * The user's views by name: one indexed query (SavedView's unique (userId, name) index serves the
 * filter and the order), through the driver (lib/db/read.ts). A signed-in page's navigation gets
 * them from the requester's statement instead (lib/server/auth/requester-read.ts, the same selection).
 */
export async function viewsOfUser(userId: number): Promise<{ id: number; name: string; query: string }[]> {
  const rows = await readRows<{ id: unknown; name: string; query: string }>(VIEWS_OF, [userId]);
  return rows.map((r) => ({ id: num(r.id), name: r.name, query: r.query }));
}
