"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { safeReturnTo } from "@/lib/domain/auth/return-to";
import { signInSchema } from "@/lib/domain/auth/schemas";
import { sessionFromCookie } from "@/lib/server/auth/session";
import { endSession } from "@/lib/server/auth/sessions";

export type LoginState = { ok: boolean; message?: string; email?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const fields = form instanceof FormData ? form : new FormData();
  const parsed = signInSchema.safeParse({ email: fields.get("email"), password: fields.get("password") });
  const typed = fields.get("email");
  const email = typeof typed === "string" ? typed : "";
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, email };
  try {
    // Back to the page that asked for sign-in, if it is one of this site's (else home: "/").
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnTo(fields.get("next")) ?? "/" });
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

/** Ends the session on the server first: a copy of the cookie is worth nothing afterwards. */
export async function logout() {
  const session = await sessionFromCookie();
  if (session) await endSession(session.sid);
  await signOut({ redirectTo: "/login" });
}
