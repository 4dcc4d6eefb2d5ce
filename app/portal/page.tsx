import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { logout } from "@/app/login/actions";
import { getActor } from "@/lib/server/auth/actor";
import { isExternal } from "@/lib/domain/auth/roles";

export const metadata: Metadata = { title: "Customer portal" };

/** POR-1 placeholder: the portal arrives with its own issue. */
export default async function PortalPage() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!isExternal(actor)) redirect("/cases");
  return (
    <main className="mx-auto max-w-2xl p-8">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Welcome, {actor.name}</h1>
        <p className="mt-2 text-slate-600">
          Your support portal is being prepared. Your cases and their updates will appear here.
        </p>
        <div className="mt-6 flex items-center gap-4">
          <Link href="/account/password" className="text-sm font-medium text-brand-700 hover:underline">
            Change password
          </Link>
          <form action={logout}>
            <button type="submit" className="text-sm font-medium text-brand-700 hover:underline">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
