// SET-4, REL-5: the rules for a new password, one home for every way of setting one — the link of an
// invitation, a reset or the first administrator (/set-password), Change password, and an admin's
// initial password for a new user.
import { z } from "zod";
import { controlCharacterIn, controlCharacterMessage } from "../validation";

/** SET-4: at least 12 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
/** The demo seed's password (SPEC §15): never accepted as anyone's new password (SET-4). */
export const DEMO_PASSWORD = "demo";

/**
 * Why `password` may not be the new password of the user with `email`, or null when it may: at least
 * PASSWORD_MIN characters besides spaces at its ends (never only spaces), at most PASSWORD_MAX, no
 * control characters, not the demo password, not the email (in any letter case, with or without
 * surrounding spaces). `label` names the field.
 */
export function passwordProblem(
  password: string,
  email: string | null,
  label = "New password",
): string | null {
  const control = controlCharacterIn(password);
  if (control) return controlCharacterMessage(label, control);
  if (password.trim().toLowerCase() === DEMO_PASSWORD)
    return `${label} cannot be the demo password; choose your own.`;
  // Spaces at the ends count for nothing (twelve spaces were a password anyone could guess).
  const trimmed = password.trim();
  if (!trimmed) return `${label} cannot be only spaces.`;
  const length = [...trimmed].length;
  if (length < PASSWORD_MIN) {
    const ends = trimmed.length < password.length ? ", not counting spaces at its start and end" : "";
    return `${label} must be at least ${PASSWORD_MIN} characters (it has ${length}${ends}).`;
  }
  if (password.length > PASSWORD_MAX) return `${label} must be at most ${PASSWORD_MAX} characters.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return `${label} cannot be your email address.`;
  return null;
}

/** A zod string checked by passwordProblem (for schemas that know the user's email). */
export const newPasswordField = (email: string | null, label = "New password") =>
  z.string({ error: `${label} is required.` }).superRefine((v, ctx) => {
    if (!v) return ctx.addIssue({ code: "custom", message: `${label} is required.` });
    const problem = passwordProblem(v, email, label);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const confirmMatches =
  (label: string) => (v: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx) => {
    if (v.confirmPassword !== v.newPassword)
      ctx.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: `${label} does not match the new password.`,
      });
  };

/** SET-1, SET-4: /set-password — New password and Confirm password, for the user the link is for. */
export const setPasswordSchema = (email: string) =>
  z
    .object({
      newPassword: newPasswordField(email),
      confirmPassword: z.string({ error: "Confirm password is required." }),
    })
    .superRefine(confirmMatches("Confirm password"));
export type SetPasswordInput = z.input<ReturnType<typeof setPasswordSchema>>;

/** REL-5: Change password, signed in: the current password and the new one twice. */
export const passwordChangeSchema = (email: string) =>
  z
    .object({
      currentPassword: z
        .string({ error: "Current password is required." })
        .min(1, "Current password is required.")
        .max(PASSWORD_MAX, "Current password is not right."),
      newPassword: newPasswordField(email),
      confirmPassword: z.string({ error: "Confirm new password is required." }),
    })
    .superRefine((v, ctx) => {
      confirmMatches("Confirm new password")(v, ctx);
      if (v.newPassword && v.newPassword === v.currentPassword)
        ctx.addIssue({
          code: "custom",
          path: ["newPassword"],
          message: "New password must differ from the current one.",
        });
    });

export type PasswordChangeInput = z.input<ReturnType<typeof passwordChangeSchema>>;
