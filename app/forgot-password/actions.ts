"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import type { ActionResult } from "@/lib/domain/action-result";
import { formObject } from "@/lib/domain/validation";
import { requestPasswordReset } from "@/lib/server/auth/password-reset";
import { toFailure } from "@/lib/server/errors";
import { clientAddressOf } from "@/lib/server/forwarded";

/**
 * SET-4: Forgot password? Open to anyone (nobody is signed in). The answer is the same whatever the
 * email; the email itself is written after the answer has been sent.
 */
export async function requestResetAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const { message, followUp } = await requestPasswordReset(
      formObject<{ email?: string }>(form),
      clientAddressOf(await headers()),
    );
    after(() => followUp().catch((e) => console.error("[caseflow] password reset email failed:", e)));
    return { ok: true, message, data: null };
  } catch (e) {
    return toFailure(e, "requestPasswordReset");
  }
}
