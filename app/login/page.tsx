import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnTo } from "@/lib/domain/auth/return-to";
import { getActor } from "@/lib/server/auth/actor";

export const metadata: Metadata = { title: "Sign in" };

/** `next`: the page that sent the person here (lib/server/auth/page.ts), where sign-in returns to. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeReturnTo((await searchParams).next);
  if (await getActor()) redirect(next ?? "/");
  return (
    <AuthCard
      title="Sign in to Caseflow"
      subtitle="Cases, incidents and the work that fixes them."
      footer={
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot password?
        </Link>
      }
    >
      <LoginForm next={next} />
    </AuthCard>
  );
}
