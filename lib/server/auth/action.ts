import "server-only";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/domain/auth/roles";
import { getActor } from "./actor";
import type { ActionResult } from "@/lib/domain/action-result";
import { toFailure } from "../errors";

/**
 * The frame of every server action: the session is checked, then the action's own role rule
 * (ROLE-2: a hidden button is never the guard), then the service runs; errors are mapped in
 * one place and the pages that show the change are revalidated.
 */
export async function runAction<T>(opts: {
  name: string;
  allow: (actor: Actor) => boolean;
  run: (actor: Actor) => Promise<T>;
  revalidate?: (result: T) => string[];
  success?: (result: T) => string;
}): Promise<ActionResult<T>> {
  try {
    const actor = await getActor();
    if (!actor)
      return { ok: false, kind: "unauthenticated", message: "Your session has ended. Sign in again." };
    if (!opts.allow(actor))
      return { ok: false, kind: "forbidden", message: "You do not have permission to do that." };
    const result = await opts.run(actor);
    for (const path of opts.revalidate?.(result) ?? []) revalidatePath(path);
    return { ok: true, data: result, message: opts.success?.(result) };
  } catch (e) {
    return toFailure(e, opts.name);
  }
}
