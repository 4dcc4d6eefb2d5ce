import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { connection } from "next/server";
import { smtpConfigured } from "@/lib/server/outbox/deliver";

export const metadata: Metadata = { title: "Forgot password" };

/**
 * SET-4: Forgot password? on /login leads here. Where the server sends no email yet (no SMTP_URL:
 * the link would wait in the outbox), the page says so before anyone waits for it — a fact about
 * the install, the same for every email, so it tells nothing about accounts.
 */
export default async function ForgotPasswordPage() {
  // Read per request: the build's environment is not the server's.
  await connection();
  const mails = smtpConfigured();
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter the email you sign in with; we will send it a link to choose a new password."
      footer={
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {!mails && (
        <p
          role="note"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          This server does not send email yet (no mail server is set up): a reset link would wait unsent until
          one is. Ask your administrator for help.
        </p>
      )}
      <ForgotPasswordForm />
    </AuthCard>
  );
}
