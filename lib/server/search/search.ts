import "server-only";
import { db, Prisma } from "@/lib/db";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import {
  SEARCH_HITS_PER_KIND,
  searchableKinds,
  searchHref,
  type SearchKind,
} from "@/lib/domain/search/kinds";
import { searchQuery, searchWords } from "@/lib/domain/search/query";
import { groupHits, hitDetail, type SearchAnswer, type SearchHit } from "@/lib/domain/search/results";
import { activePlugins } from "../plugins/read";
import { externalCaseFilter } from "../scope/cases";
import { num } from "@/lib/server/tables/sql";
import { kindQuery, unionAll, type SearchRow } from "./sql";

/**
 * ROLE-3: an external user's predicate per kind, from the portal's scoping layer — a case in their
 * scope; a work order whose case is (POR-3). Internal users read every row of a kind they may read.
 */
function scopeOf(actor: Actor, kind: SearchKind) {
  if (!isExternal(actor)) return {};
  if (kind === "case") return { where: externalCaseFilter(actor, "r") };
  return {
    join: Prisma.sql`JOIN "Case" c ON c."id" = r."caseId"`,
    where: externalCaseFilter(actor, "c"),
  };
}

/**
 * WRK-5: the global search. Finds, by number, words of the short description or name (every word
 * as a prefix, all required), the newest few of each kind the actor may read (ROLE-1; ROLE-3 in
 * the query itself), from the text index — one statement whatever the number of kinds. Bad text
 * (control characters, over 100 characters) is a field error; anything else is plain words.
 */
export async function globalSearch(actor: Actor | null | undefined, raw: unknown): Promise<SearchAnswer> {
  if (!actor) throw unauthenticated();
  const q = searchQuery(raw);
  const kinds = searchableKinds(actor, await activePlugins());
  if (!kinds.length) throw forbidden("Your roles do not allow searching records.");
  const words = searchWords(q);
  if (!words.length) return { q, groups: [] };
  const statement = unionAll(
    kinds.map((kind) => kindQuery(kind, words, SEARCH_HITS_PER_KIND, scopeOf(actor, kind))),
  );
  const rows = await db().$queryRaw<SearchRow[]>(statement);
  const external = isExternal(actor);
  const hits = rows.flatMap((r): SearchHit[] => {
    const id = num(r.id);
    const accountId = r.accountId === null ? null : num(r.accountId);
    const href = searchHref(actor, r.kind, {
      id,
      number: r.number,
      email: r.email,
      accountId,
      accountNumber: r.accountNumber,
    });
    if (!href) return [];
    const detail = hitDetail({ ...r, id, accountName: external ? null : r.accountName });
    return [{ kind: r.kind, key: `${r.kind}:${id}`, number: r.number, title: r.title, detail, href }];
  });
  return { q, groups: groupHits(hits) };
}
