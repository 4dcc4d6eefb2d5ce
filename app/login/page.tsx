import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/server/auth/actor";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getActor()) redirect("/");
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
      <LoginForm />
    </AuthCard>
  );
}
