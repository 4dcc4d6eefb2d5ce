"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { isAdmin } from "@/lib/domain/auth/roles";
import { canManageDirectory } from "@/lib/domain/directory/access";
import type { InviteInput } from "@/lib/domain/directory/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { inviteUser } from "@/lib/server/auth/invitations";
import { smtpConfigured } from "@/lib/server/outbox/deliver";

/** What the admin is told: without a mail server the invitation only waits in the outbox — say so. */
function invitationNotice(r: { sent: boolean; email: string }, mailLeaves: boolean) {
  if (!r.sent) return `The invitation to ${r.email} was already sent.`;
  return mailLeaves
    ? `Invitation emailed to ${r.email}.`
    : `Invitation to ${r.email} queued, but no mail server is set (SMTP_URL): it waits unsent in the outbox.`;
}

/**
 * SET-4: Invite, on the rows of /admin/users, /admin/consumers and an account's contacts. Admins and
 * managers may call it; the service decides per user (internal users: admins only).
 */
export async function inviteUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "inviteUser",
    allow: (a) => isAdmin(a) || canManageDirectory(a),
    run: (actor) => inviteUser(actor, formObject<InviteInput>(form)),
    success: (r) => invitationNotice(r, smtpConfigured()),
  });
}
