import "server-only";
import { redirect } from "next/navigation";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { getActor } from "../auth/actor";

/**
 * For the portal pages of this module (My Lists, Work Orders): the external actor, or a redirect
 * to sign-in / the workspace. Stands in for `portalActor()` of lib/server/auth/page.ts, which
 * replaces it at merge; the reads refuse a user without a portal role themselves.
 */
export async function portalPageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!isExternal(actor)) redirect("/cases");
  return actor;
}
