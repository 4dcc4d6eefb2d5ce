import "server-only";
import { statement, type JsonDialect } from "@/lib/db/json-sql";
import { readDocument } from "@/lib/db/read";

// PERF-8: what every page of a signed-in person reads before anything else — the person with
// their roles (while the session lasts), the plugins an admin switched off (the frame's
// navigation and every page's menus) and their saved views (the frame's navigation, WRK-4) — in
// ONE statement answering one JSON document (lib/db/json-sql.ts). Three statements before: each
// cost a round trip, a pool checkout and ~0.15 ms of the app's CPU, and PostgreSQL's own.
// The plugins' and views' selections are those of lib/server/tables/plugin.ts and saved-view.ts,
// which read them when nothing primed them (a change to one is a change to both).

export type RequesterDocument = {
  /** Null when the session has ended or expired, or the user is unknown. */
  user: {
    id: number;
    name: string;
    email: string;
    kind: string;
    accountId: number | null;
    active: boolean;
  } | null;
  roles: string[];
  /** Ids of the catalog plugins switched off ("Plugin" rows with active = false). */
  pluginsOff: string[];
  views: { id: number; name: string; query: string }[];
};

const REQUESTER = statement(
  (d: JsonDialect) =>
    `SELECT ${d.obj({
      user: d.nest(`SELECT ${d.obj({
        id: `u."id"`,
        name: `u."name"`,
        email: `u."email"`,
        kind: `u."kind"`,
        accountId: `u."accountId"`,
        active: d.bool(`u."active"`),
      })} FROM "User" u
      JOIN "Session" s ON s."id" = ${d.p(2)} AND s."userId" = u."id" AND s."expiresAt" > ${d.p(3)}
      WHERE u."id" = ${d.p(1)}`),
      roles: d.list(
        `SELECT ${d.text(`r."role"`)} AS "j" FROM "UserRole" r WHERE r."userId" = ${d.p(1)} ORDER BY r."role"`,
      ),
      pluginsOff: d.list(
        `SELECT ${d.text(`p."id"`)} AS "j" FROM "Plugin" p WHERE p."active" = ${d.p(4)} ORDER BY p."id"`,
      ),
      // SavedView's unique (userId, name) index serves the filter; the order is by name in any letter
      // case (a person has a few views: "alpha" before "Zeta" on both databases).
      views: d.list(`SELECT ${d.obj({ id: `v."id"`, name: `v."name"`, query: `v."query"` })} AS "j"
      FROM "SavedView" v WHERE v."userId" = ${d.p(1)} ORDER BY LOWER(v."name"), v."id"`),
    })} AS "doc"`,
);

/**
 * The requester's document for session `sid` of user `userId` at `now` (see RequesterDocument).
 * Without a live session of theirs it holds nothing of the person: no user, no roles, no views (the
 * statement reads them by the cookie's user id; they are dropped here, never handed on).
 */
export async function readRequester(userId: number, sid: string, now: Date): Promise<RequesterDocument> {
  const doc = await readDocument<RequesterDocument>(REQUESTER, [userId, sid, now, false]);
  return doc?.user ? doc : { user: null, roles: [], pluginsOff: doc?.pluginsOff ?? [], views: [] };
}
