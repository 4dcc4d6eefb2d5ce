// REL-5: the rules for a new password, shared by the change-password service and its form.
import { z } from "zod";
import { plainText } from "../validation";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: "Current password is required." })
      .min(1, "Current password is required.")
      .max(PASSWORD_MAX, "Current password is not right."),
    newPassword: plainText("New password")
      .min(PASSWORD_MIN, `New password must be at least ${PASSWORD_MIN} characters.`)
      .max(PASSWORD_MAX, `New password must be at most ${PASSWORD_MAX} characters.`),
    confirmPassword: z.string({ error: "Confirm new password is required." }),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword)
      ctx.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: "Confirm new password does not match the new password.",
      });
    if (v.newPassword && v.newPassword === v.currentPassword)
      ctx.addIssue({
        code: "custom",
        path: ["newPassword"],
        message: "New password must differ from the current one.",
      });
  });

export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;
