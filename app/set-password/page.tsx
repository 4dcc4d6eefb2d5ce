import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { PASSWORD_MIN } from "@/lib/domain/auth/password";
import { firstValues, type SearchParams } from "@/lib/query-string";
import { describePasswordLink } from "@/lib/server/auth/password-links";

export const metadata: Metadata = { title: "Set password" };

/**
 * SET-1, SET-4: where the links of admin:create, Invite and Forgot password? lead. The link is the
 * permission: anyone holding it sets the password of the user it names, once, before it expires.
 */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { token } = firstValues(await searchParams);
  const link = await describePasswordLink(token);
  if (!link.valid)
    return (
      <AuthCard title="This link does not work">
        <p role="alert" className="text-sm text-slate-700">
          {link.message}
        </p>
        <div className="mt-4 flex justify-between text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            Forgot password?
          </Link>
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </div>
      </AuthCard>
    );
  const welcome = link.purpose !== "reset";
  return (
    <AuthCard
      title={welcome ? "Welcome to Caseflow" : "Choose a new password"}
      subtitle={
        <>
          {welcome ? "Choose the password" : "The new password"} for <strong>{link.email}</strong>. You are
          signed in once it is set.
        </>
      }
    >
      <SetPasswordForm token={token!} email={link.email} passwordMin={PASSWORD_MIN} />
    </AuthCard>
  );
}
