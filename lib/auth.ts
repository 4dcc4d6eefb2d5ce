// next-auth v5: credentials sign-in. The cookie (a JWT) carries the user id and the id of a
// server-side Session row; a request is signed in only while that row lives (sign-out and a
// password change delete it), and roles are loaded from the database on every request
// (lib/server/auth/actor.ts).
import { clientAddress } from "@/lib/server/forwarded";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { controlCharacterIn } from "@/lib/domain/validation";
import { checkCredentials } from "@/lib/server/auth/credentials";
import {
  createSession,
  createSignInSession,
  endSession,
  SESSION_MAX_AGE_SECONDS,
} from "@/lib/server/auth/sessions";
import { setPasswordWithLink } from "@/lib/server/auth/password-links";
import { DomainError } from "@/lib/domain/errors";
import { logAuthError } from "@/lib/server/auth/auth-log";

declare module "next-auth" {
  interface User {
    /** The server-side session created by this sign-in. */
    sid?: string;
  }
}

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** SET-1, SET-4: the link was used or expired between the form's check and the sign-in. */
export class LinkSignin extends CredentialsSignin {
  code = "link";
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  // OPS-3: a refused sign-in is expected, not an error with a stack (lib/server/auth/auth-log.ts).
  logger: { error: logAuthError },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        // Reachable without the login form (POST /api/auth/callback/credentials): checked here too.
        if (!email || !password || email.length > 320 || password.length > 200) return null;
        if (controlCharacterIn(email)) return null; // PostgreSQL refuses U+0000 (REL-1)
        const result = await checkCredentials(email, password, clientAddress(request));
        if (result.ok) {
          // SET-4: null when the password was changed or reset while it was being checked.
          const sid = await createSignInSession(result.userId, result.passwordHash);
          return sid ? { id: String(result.userId), sid } : null;
        }
        if (result.reason === "throttled") throw new ThrottledSignin(`retry in ${result.retryInSeconds}s`);
        return null;
      },
    }),
    // SET-1, SET-4: /set-password sets the password through a one-time link and signs its user in —
    // without the sign-in form's throttle, so an account a stranger keeps locked is still its owner's
    // (REL-8). The form's action checks the input first (app/set-password/actions.ts).
    Credentials({
      id: "password-link",
      credentials: { token: {}, newPassword: {}, confirmPassword: {} },
      async authorize(credentials) {
        const input = {
          newPassword: text(credentials?.newPassword),
          confirmPassword: text(credentials?.confirmPassword),
        };
        try {
          const user = await setPasswordWithLink(credentials?.token, input);
          return { id: String(user.userId), sid: await createSession(user.userId) };
        } catch (e) {
          if (e instanceof DomainError) throw new LinkSignin(e.message);
          throw e;
        }
      },
    }),
  ],
  events: {
    // REL-8: every sign-out through the framework — its own POST /api/auth/signout as well as
    // signOut() in the Sign out action (app/login/actions.ts) — ends the server-side session the
    // cookie names; clearing the cookie alone left a copy of it working until it expired.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && sid) await endSession(sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
