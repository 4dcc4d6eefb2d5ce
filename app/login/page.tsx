import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/server/auth/actor";
import { cx } from "@/components/ui/cx";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-100 to-brand-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            className={cx(
              "mx-auto mb-3 flex h-11 w-11 items-center justify-center",
              "rounded-xl bg-brand-600 text-lg font-bold text-white shadow",
            )}
          >
            C
          </div>
          <h1 className="text-xl font-semibold text-slate-900">Sign in to Caseflow</h1>
          <p className="mt-1 text-sm text-slate-500">Cases, incidents and the work that fixes them.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
