import { redirect } from "next/navigation";
import { logout } from "@/app/login/actions";
import { canReadCases, isExternal } from "@/lib/domain/auth/roles";
import { getActor } from "@/lib/server/auth/actor";

/**
 * Internal users land on My work (WRK-2), external users in the portal. An internal user with no
 * role (an account just made with Role "— None —") is told so here: they were sent to /cases, which
 * answered "Not found".
 */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (isExternal(actor)) redirect("/portal");
  if (canReadCases(actor)) redirect("/my-work"); // every internal role reads cases (ROLE-1)
  return (
    <main className="mx-auto my-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <title>No access yet · Caseflow</title>
      <h1 className="text-lg font-semibold text-slate-900">No access yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are signed in as {actor.name}, but your account has no role that opens a page yet. An
        administrator gives roles on the Users page.
      </p>
      <form action={logout} className="mt-4">
        <button type="submit" className="text-sm font-medium text-brand-600 hover:underline">
          Sign out
        </button>
      </form>
    </main>
  );
}
