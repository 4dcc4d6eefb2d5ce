import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/domain/auth/roles";
import { isInternal } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import { loadActor } from "./load-actor";
import { sessionUserId } from "./session";

/** The signed-in person for this request, or null. Loaded once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const id = await sessionUserId();
  return id ? loadActor(id) : null;
});

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
