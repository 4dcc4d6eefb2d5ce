// next-auth v5: credentials sign-in with JWT sessions. The session only carries the user id;
// roles are loaded from the database on every request (lib/server/auth/actor.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/server/auth/credentials";

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 200) return null;
        const result = await checkCredentials(email, password, clientAddress(request));
        if (result.ok) return { id: String(result.userId) };
        if (result.reason === "throttled") throw new ThrottledSignin(`retry in ${result.retryInSeconds}s`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
