import "server-only";
import { transaction } from "@/lib/db";
import { invitationMail, mayResetPassword } from "@/lib/domain/auth/password-links";
import type { Actor } from "@/lib/domain/auth/roles";
import type { UserKind } from "@/lib/domain/auth/user-admin";
import { canInvite } from "@/lib/domain/directory/access";
import { inviteSchema, type InviteInput } from "@/lib/domain/directory/schemas";
import { forbidden, invalid, notFound } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { enqueueMail } from "../outbox/write";
import { lockActiveUser } from "./api-token";
import { issuePasswordLink, passwordLinkUrl } from "./password-links";

/**
 * SET-4: Invite — emails (outbox, REL-4) a user a one-time link to set their password, valid 7 days;
 * their earlier unused invitation stops working. Internal users are invited by administrators,
 * contacts and consumers by administrators and managers. The click's key makes a double click or a
 * retry one email. The user must be active (their row is held, so a deactivation at the same moment
 * finishes first). Audited on the user: who invited them, when, to which address.
 */
export async function inviteUser(actor: Actor, raw: InviteInput) {
  const input = parseOrThrow(inviteSchema, raw);
  const out = await transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, email: true, kind: true },
    });
    if (!user) throw notFound("The user");
    if (!canInvite(actor, user.kind as UserKind))
      throw forbidden(
        user.kind === "internal"
          ? "Only administrators invite internal users."
          : "Only administrators and customer service managers invite customers.",
      );
    if (!(await lockActiveUser(tx, user.id)))
      throw invalid("userId", `${user.name} is deactivated; reactivate them before inviting them.`);
    // Read again under the lock: an email changed meanwhile (which retired their links) gets the
    // link, not the old mailbox; and a portal role taken away meanwhile is seen.
    const held = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, roles: { select: { role: true } } },
    });
    user.email = held.email;
    // SET-4: a customer without a portal role would set a password for a portal that shows them
    // nothing (an agent's "New contact" from the case form has none): the role comes first.
    if (!mayResetPassword({ kind: user.kind, roles: held.roles.map((r) => r.role) }))
      throw invalid(
        "userId",
        `${user.name} has no portal role; give them one (Edit → Portal roles) before inviting them.`,
      );
    const link = await issuePasswordLink(tx, {
      userId: user.id,
      purpose: "invite",
      createdById: actor.id,
      requestKey: input.requestKey,
    });
    if (!link) return { name: user.name, email: user.email, sent: false };
    const mail = invitationMail({
      name: user.name,
      email: user.email,
      inviter: actor.name,
      url: passwordLinkUrl(link.token),
    });
    await enqueueMail(tx, {
      dedupeKey: `password-link:${link.id}`,
      recipient: user.email,
      ...mail,
      event: "invitation",
      source: { table: TABLE.user, id: user.id },
    });
    await writeAudit(
      tx,
      TABLE.user,
      user.id,
      [{ field: "invitation", oldValue: null, newValue: `emailed to ${user.email}` }],
      actor,
    );
    return { name: user.name, email: user.email, sent: true };
  });
  return out;
}
