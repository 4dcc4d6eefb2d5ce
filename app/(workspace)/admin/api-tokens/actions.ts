"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { NewTokenInput, TokenRevokeInput } from "@/lib/domain/auth/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { createTokenForUser, revokeApiToken } from "@/lib/server/tokens/admin";

// ADM-4: every action checks the admin role itself (runAction) and again in the service (ROLE-2),
// which parses its own input (lib/domain/auth/schemas.ts).
const PATHS = () => ["/admin/api-tokens"];

/** The answer carries the token: the page shows it once, then it is gone (only its hash is stored). */
export async function createApiTokenAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createApiToken",
    allow: canAdminister,
    run: (actor) => createTokenForUser(actor, formObject<NewTokenInput>(form)),
    revalidate: PATHS,
    success: (t) => `Token "${t.name}" created for ${t.email}.`,
  });
}

export async function revokeApiTokenAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "revokeApiToken",
    allow: canAdminister,
    run: (actor) => revokeApiToken(actor, formObject<TokenRevokeInput>(form)),
    revalidate: PATHS,
    success: (r) => (r.changed ? `Token "${r.name}" revoked.` : "The token was already revoked."),
  });
}
