"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import type { ActionResult } from "@/lib/domain/action-result";
import { LINK_NOT_VALID } from "@/lib/domain/auth/password-links";
import type { SetPasswordInput } from "@/lib/domain/auth/password";
import { formObject } from "@/lib/domain/validation";
import { checkPasswordLinkInput } from "@/lib/server/auth/password-links";
import { toFailure } from "@/lib/server/errors";

type LinkForm = SetPasswordInput & { token?: string };

/**
 * SET-1, SET-4: Set password. Anyone holding a link may call it (no session): the link is the
 * permission. The input is checked first (field errors, a used or expired link); then the password is
 * set and the person signed in, in one step (the "password-link" provider of lib/auth.ts), and lands
 * in the workspace or the portal.
 */
export async function setPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let input: LinkForm;
  try {
    input = formObject<LinkForm>(form);
    await checkPasswordLinkInput(input.token, input);
  } catch (e) {
    return toFailure(e, "setPassword");
  }
  try {
    await signIn("password-link", { ...input, redirectTo: "/" });
    return { ok: true, data: null };
  } catch (e) {
    if (e instanceof AuthError) return { ok: false, kind: "invalid", message: LINK_NOT_VALID };
    throw e; // the redirect into the workspace or the portal
  }
}
