import "server-only";
import { notFound, redirect } from "next/navigation";
import { isExternal, type Actor } from "@/lib/domain/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { getActor } from "./actor";

/** For workspace pages: the internal actor, or a redirect to sign-in / the portal. */
export async function workspaceActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (isExternal(actor)) redirect("/portal");
  return actor;
}

/** Runs a page read; "not found" and "forbidden" both render the 404 page (nothing is revealed). */
export async function readOr404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof DomainError && (e.kind === "not_found" || e.kind === "forbidden")) notFound();
    throw e;
  }
}
