import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/domain/auth/roles";
import { isInternal } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import { noteRequestUser } from "../ops/request-user";
import { loadSessionActor } from "./load-actor";
import { sessionFromCookie } from "./session";

/** The session named by this request's cookie (not yet checked against the database). */
const currentSession = cache(sessionFromCookie);

/** The signed-in person for this request, or null. Loaded once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  const actor = session ? await loadSessionActor(session) : null;
  if (actor) noteRequestUser(actor.id); // OPS-3
  return actor;
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
