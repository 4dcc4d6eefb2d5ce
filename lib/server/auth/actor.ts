import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/domain/auth/roles";
import { isInternal } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import { noteRequestUser } from "../ops/request-user";
import { primeActivePlugins } from "../plugins/read";
import { primeViews } from "../views/views";
import { loadSessionStart } from "./load-actor";
import { sessionFromCookie } from "./session";

/** The session named by this request's cookie (not yet checked against the database). */
const currentSession = cache(sessionFromCookie);

/**
 * The signed-in person for this request, or null. Loaded once per request, in the statement that
 * also reads the switched-off plugins and the person's saved views: the rest of the render's
 * reads of those use what it read (PERF-8; lib/server/auth/requester-read.ts). React's `cache`
 * remembers only within a server-component render: in an action or a route handler each call
 * reads afresh and the priming is dropped — and the render that follows an action starts afresh,
 * so it never shows what the action changed as it was before.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  const start = session ? await loadSessionStart(session) : null;
  if (!start) return null;
  noteRequestUser(start.actor.id); // OPS-3
  primeActivePlugins(start.pluginsOff);
  primeViews(start.actor.id, start.views);
  return start.actor;
});

/** The id of this request's session, once getActor has accepted it (password change keeps it). */
export async function currentSessionId(): Promise<string | null> {
  return (await getActor()) ? ((await currentSession())?.sid ?? null) : null;
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  return actor;
}

export async function requireInternalActor(): Promise<Actor> {
  const actor = await requireActor();
  if (!isInternal(actor)) throw forbidden();
  return actor;
}
