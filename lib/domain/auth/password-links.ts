// SET-1, SET-4: one-time links to /set-password. What each kind of link is for, how long it works and
// what its email says. Pure: the tokens themselves are made and checked in lib/server/auth/password-links.ts.
import { list } from "../records/choices";
import { EXTERNAL_ROLES, ROLE } from "./roles";

export type LinkPurpose = "setup" | "invite" | "reset";

/** What a link is for (stored in PasswordToken.purpose). */
export const LINK_PURPOSES = list<LinkPurpose>([
  ["setup", "First administrator"],
  ["invite", "Invitation"],
  ["reset", "Password reset"],
]);

const HOUR = 60 * 60_000;
/** How long each kind works: SET-1 24 hours, SET-4 invitations 7 days, a reset one hour. */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  setup: 24 * HOUR,
  invite: 7 * 24 * HOUR,
  reset: HOUR,
};

export const lifetimeText = (purpose: LinkPurpose) =>
  ({ setup: "24 hours", invite: "7 days", reset: "1 hour" })[purpose];

/** The page a link opens, with its token (SPEC §15: the link contains `/set-password?token=`). */
export const setPasswordPath = (token: string) => `/set-password?token=${encodeURIComponent(token)}`;

/** A token as it may arrive in a URL: 43 base64url characters (32 random bytes). */
export const isTokenShaped = (token: unknown): token is string =>
  typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Whether a stored link can still set a password, and if not why. */
export type LinkState = "valid" | "used" | "expired";
export function linkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return "used";
  return link.expiresAt.getTime() > now.getTime() ? "valid" : "expired";
}

/** What the set-password page says about a link that no longer works (the same for unknown ones). */
export const LINK_NOT_VALID =
  "This link does not work any more: it was already used, it has expired, or a newer one was sent. " +
  "Ask for a new one with “Forgot password?” on the sign-in page, or ask your administrator.";

/** SET-4: the invitation email. */
export function invitationMail(p: { name: string; email: string; inviter: string; url: string }) {
  return {
    subject: "You are invited to Caseflow",
    body:
      `Hello ${p.name},\n\n` +
      `${p.inviter} invited you to Caseflow. Choose your password here — the link works once, ` +
      `within ${lifetimeText("invite")}:\n\n${p.url}\n\n` +
      `You will then sign in with this email address: ${p.email}\n`,
  };
}

/** SET-4: the password reset email (Forgot password?). */
export function resetMail(p: { name: string; email: string; url: string }) {
  return {
    subject: "Reset your Caseflow password",
    body:
      `Hello ${p.name},\n\n` +
      `Someone — we hope you — asked to reset the password of the Caseflow account ${p.email}. ` +
      `Choose a new password here; the link works once, within ${lifetimeText("reset")}:\n\n${p.url}\n\n` +
      "If you did not ask for it, ignore this email: your password stays as it is.\n",
  };
}

/**
 * REL-8: at most this many unused reset links of one user work at once; a request past it sends
 * nothing (the answer is the same). A new link does not retire the earlier ones — a stranger asking
 * again and again would otherwise kill the link the owner is using — so this bounds the emails a
 * stranger can make someone receive, whatever the number of addresses they ask from.
 */
export const LIVE_RESET_LINKS = 5;

/**
 * SET-4: whom Forgot password? emails a link: an internal user, or an external user with a portal
 * role. A contact without one reaches nothing in the portal, and the case form's New contact (whose
 * email an agent typed) gives none: their sign-in begins with an invitation once a portal role is given.
 */
export function mayResetPassword(user: { kind: string; roles: readonly string[] }): boolean {
  return (
    user.kind === "internal" ||
    user.roles.some((r) => r !== ROLE.external && EXTERNAL_ROLES.some((x) => x === r))
  );
}

/** SET-4: the answer to Forgot password?, the same words whatever the email (no enumeration). */
export const RESET_ANSWER =
  "If an active account uses that email, a link to set a new password is on its way to it. " +
  `The link works once, within ${lifetimeText("reset")}.`;
