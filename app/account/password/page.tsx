import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PasswordForm } from "@/components/auth/password-form";
import { isExternal } from "@/lib/domain/auth/roles";
import { getActor } from "@/lib/server/auth/actor";
import { signInFirst } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Change password" };

/** For every signed-in person, internal or external (REL-5). */
export default async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) return signInFirst();
  const home = isExternal(actor) ? "/portal" : "/cases";
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 p-6 sm:pt-20">
      <div className="w-full max-w-sm">
        <Link href={home} className="text-sm font-medium text-brand-700 hover:underline">
          ← Back
        </Link>
        <h1 className="mt-3 mb-1 text-xl font-semibold text-slate-900">Change password</h1>
        <p className="mb-4 text-sm text-slate-600">
          Signed in as {actor.name}. Changing your password signs you out everywhere else.
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <PasswordForm />
        </div>
      </div>
    </main>
  );
}
