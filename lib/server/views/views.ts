import "server-only";
import { cache } from "react";
import { transaction } from "@/lib/db";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import {
  caseViewHref,
  deleteViewSchema,
  sameViewName,
  saveViewSchema,
  VIEWS_PER_USER_MAX,
  type DeleteViewInput,
  type SaveViewInput,
} from "@/lib/domain/views/views";
import { lockRows } from "@/lib/server/tables/row-locks";
import { viewsOfUser } from "@/lib/server/tables/saved-view";

function assertCanRead(actor: Actor) {
  if (!canReadCases(actor)) throw forbidden("Only people who work cases can save case views.");
}

type ViewRow = { id: number; name: string; query: string };

/** This request's views of its signed-in person, when the requester's statement read them. */
const primed = cache((): { userId?: number; views?: readonly ViewRow[] } => ({}));

/**
 * PERF-8: the signed-in requester's statement (lib/server/auth/requester-read.ts) reads their views
 * with the person; the layout's navigation and the case list use them instead of reading again.
 */
export function primeViews(userId: number, views: readonly ViewRow[]): void {
  Object.assign(primed(), { userId, views });
}

/**
 * As primed, else one indexed query (lib/server/tables/saved-view.ts), remembered for the rest of
 * the request: the layout's navigation and the case list share it.
 */
const viewsOf = cache(async (userId: number): Promise<readonly ViewRow[]> => {
  const p = primed();
  return p.userId === userId && p.views ? p.views : viewsOfUser(userId);
});

/** WRK-4: the person's own saved views, each with its link to the case list. */
export async function listViews(actor: Actor) {
  assertCanRead(actor);
  const rows = await viewsOf(actor.id);
  return rows.map((v) => ({ ...v, href: caseViewHref(v.query, v.id) }));
}

/**
 * WRK-4: saves the list's current filter under a name for the person. A name they already use is
 * refused with a field error rather than replaced: replacing silently would lose the other view's
 * filter, and deleting it first is one click from that view.
 */
export async function saveView(actor: Actor, raw: SaveViewInput) {
  assertCanRead(actor);
  const input = parseOrThrow(saveViewSchema, raw);
  const view = await transaction(async (tx) => {
    // Two saves by one person take turns, so the limit and the name check hold.
    await lockRows(tx, "User", [actor.id]);
    const mine = await tx.savedView.findMany({ where: { userId: actor.id }, select: { name: true } });
    if (mine.some((v) => sameViewName(v.name, input.name)))
      throw invalid("name", `You already have a view named ${input.name}; pick another name.`);
    if (mine.length >= VIEWS_PER_USER_MAX)
      throw invalid("name", `You have ${VIEWS_PER_USER_MAX} views, the most there can be; delete one first.`);
    return tx.savedView.create({
      data: { userId: actor.id, name: input.name, query: input.query },
      select: { id: true, name: true, query: true },
    });
  });
  return { ...view, href: caseViewHref(view.query, view.id) };
}

/** WRK-4: deletes one of the person's own views (another person's is "not found"). */
export async function deleteView(actor: Actor, raw: DeleteViewInput) {
  assertCanRead(actor);
  const { id } = parseOrThrow(deleteViewSchema, raw);
  const { count } = await transaction((tx) => tx.savedView.deleteMany({ where: { id, userId: actor.id } }));
  if (!count) throw notFound("View");
  return { id };
}
