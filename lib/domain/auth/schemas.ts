// The input of sign-in (app/login), of /admin/users' role and active switches (ADM-3) and of
// /admin/api-tokens (ADM-4): one home, parsed by the services that use them.
import { z } from "zod";
import { emailField, emailProblem, normalizeEmail } from "../directory/email";
import {
  booleanText,
  LIMITS,
  optionalText,
  plainText,
  requiredId,
  requiredLine,
  type FormInput,
} from "../validation";

// SET-2 / SET-4: any address the directory stores signs in (r&d@acme.example, a punycode domain),
// by the directory's one check — not by a stricter one of its own.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email.")
    .max(320)
    .refine((text) => !emailProblem(normalizeEmail(text)), "Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const userRoleSchema = z.object({ userId: requiredId("User"), role: plainText("Role").max(100) });
export type UserRoleInput = FormInput<typeof userRoleSchema>;

export const userActiveSchema = z.object({ userId: requiredId("User"), active: booleanText("Active") });
export type UserActiveInput = FormInput<typeof userActiveSchema>;

export const newTokenSchema = z.object({
  name: requiredLine("Name", LIMITS.name),
  userId: requiredId("User"),
});
export type NewTokenInput = FormInput<typeof newTokenSchema>;

export const tokenRevokeSchema = z.object({ id: requiredId("Token") });
export type TokenRevokeInput = FormInput<typeof tokenRevokeSchema>;

/** SET-1: `npm run admin:create -- <email> [name]`. */
export const firstAdminSchema = z.object({
  email: emailField(),
  name: optionalText("Name", LIMITS.name).optional(),
});
