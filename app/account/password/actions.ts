"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { currentSessionId } from "@/lib/server/auth/actor";
import { changePassword } from "@/lib/server/auth/password";

/** REL-5: every signed-in person (internal or external) may change their own password. */
export async function changePasswordAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "changePassword",
    allow: () => true,
    run: async (actor) => changePassword(actor, await currentSessionId(), formObject(form)),
    success: ({ endedSessions: n }) => {
      if (!n) return "Password changed.";
      const others = n === 1 ? "other session has" : `${n} other sessions have`;
      return `Password changed. Your ${others} been signed out.`;
    },
  });
}
