"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canHandleHeldMail } from "@/lib/domain/email/email-to-case";
import type { HeldMessageInput, OpenHeldInput } from "@/lib/domain/email/held-mail";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { discardHeldMessage, openHeldMessage } from "@/lib/server/inbound-mail/held";

/** NOT-3 Open case: a held message from an unknown sender becomes a case for the chosen customer. */
export async function openHeldMessageAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "openHeldMessage",
    allow: canHandleHeldMail,
    run: (actor) => openHeldMessage(actor, formObject<OpenHeldInput>(form)),
    revalidate: () => ["/admin/inbox", "/cases"],
    success: (c) => `Case ${c.number} opened.`,
  });
}

/** NOT-3 Discard: a held message is set aside; nothing else is written. */
export async function discardHeldMessageAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "discardHeldMessage",
    allow: canHandleHeldMail,
    run: (actor) => discardHeldMessage(actor, formObject<HeldMessageInput>(form)),
    revalidate: () => ["/admin/inbox"],
    success: () => "Message discarded.",
  });
}
