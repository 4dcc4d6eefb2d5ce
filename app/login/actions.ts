"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";

export type LoginState = { ok: boolean; message?: string; email?: string };

const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(320).email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
});

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      const message =
        code === "throttled"
          ? "Too many failed sign-in attempts. Wait a moment before trying again."
          : "Wrong email or password.";
      return { ok: false, message, email };
    }
    throw e; // the redirect after a successful sign-in
  }
}

export async function logout() {
  await signOut({ redirectTo: "/login" });
}
