import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth";
import type { Actor } from "@/lib/domain/auth/roles";
import { isInternal } from "@/lib/domain/auth/roles";
import { forbidden, unauthenticated } from "@/lib/domain/errors";
import { loadActor } from "./load-actor";

/** The signed-in person for this request, or null. Loaded once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? loadActor(id) : null;
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
