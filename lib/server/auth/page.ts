import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { signInHref } from "@/lib/domain/auth/return-to";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path.mjs";
import { canAdminister, isExternal, isInternal, type Actor } from "@/lib/domain/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { canManageDirectory } from "@/lib/domain/directory/access";
import { getActor } from "./actor";

/** To sign-in, which comes back to this page afterwards (an emailed link opened signed out). */
export async function signInFirst(): Promise<never> {
  redirect(signInHref((await headers()).get(REQUEST_PATH_HEADER)));
}

/** For workspace pages: the internal actor, or a redirect to sign-in / the portal. */
export async function workspaceActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return signInFirst();
  if (isExternal(actor)) redirect("/portal");
  return actor;
}

/**
 * For portal pages (POR-1): the external actor, or a redirect to sign-in / the workspace. An
 * external user without a portal role still gets the layout (Change password, Sign out); the
 * portal's reads refuse them, so each page says so or shows the 404 page.
 */
export async function portalActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return signInFirst();
  if (isInternal(actor)) redirect("/cases");
  return actor;
}

/** For admin pages (ROLE-4): the admin, or the 404 page for anyone else. */
export async function adminActor(): Promise<Actor> {
  const actor = await workspaceActor();
  if (!canAdminister(actor)) notFound();
  return actor;
}

/** For the customer directory (SET-2): admins and managers, or the 404 page for anyone else. */
export async function directoryActor(): Promise<Actor> {
  const actor = await workspaceActor();
  if (!canManageDirectory(actor)) notFound();
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
