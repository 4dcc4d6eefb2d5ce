import Link from "@/components/ui/link";
import { MAIN_ID, SkipLink } from "@/components/ui/skip-link";
import { logout } from "@/app/login/actions";
import { portalActor } from "@/lib/server/auth/page";
import { activePlugins } from "@/lib/server/plugins/read";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { isPortalUser } from "@/lib/domain/portal/access";

// The portal's own light layout (POR-1, PERF-4): no workspace shell and no agent components; a
// header that wraps on a 390 px phone.
const link = "rounded px-2 py-1 font-medium text-brand-700 hover:bg-brand-50 hover:underline";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await portalActor();
  // POR-3 / FSM-1: Work Orders only while Field Service is active (its page would be "not found").
  // Read with the requester's statement: no query of its own.
  const fieldService = (await activePlugins()).has(PLUGIN.fieldService);
  // ROLE-3: without a portal role there is nothing behind the other links (each is "not found"):
  // the header offers Cases only, whose page says the account has no access yet.
  const member = isPortalUser(actor);
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2 sm:px-6">
          <Link href="/portal" className="mr-2 text-base font-semibold text-slate-900">
            Support portal
          </Link>
          <nav aria-label="Portal" className="flex flex-wrap items-center gap-x-1 gap-y-1 text-sm">
            <Link href="/portal" className={link}>
              Cases
            </Link>
            {member && fieldService && (
              <Link href="/portal/work-orders" className={link}>
                Work Orders
              </Link>
            )}
            {member && (
              <>
                <Link href="/portal/my-lists" className={link}>
                  My Lists
                </Link>
                <Link href="/portal/cases/new" className={link}>
                  New case
                </Link>
              </>
            )}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="text-slate-700">{actor.name}</span>
            <Link href="/account/password" className={link}>
              Change password
            </Link>
            <form action={logout}>
              <button type="submit" className={link}>
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-5xl px-3 py-4 outline-none sm:px-6 sm:py-6">
        {children}
      </main>
    </div>
  );
}
