"use client";
import Link from "@/components/ui/link";
import { logout } from "@/app/login/actions";
import { MAIN_ID, SkipLink } from "@/components/ui/skip-link";
import { GlobalSearch } from "@/components/search/global-search";
import { WorkspaceNav, type NavGroup } from "./workspace-nav";

export type { NavGroup };

/**
 * The workspace frame: navigation on the left, the signed-in person and sign-out on top. A client
 * component drawn from its data (PERF-8): as a server component its markup travelled in every
 * page's RSC payload, serialized, parsed back and rendered to HTML; now only the props do.
 */
export function AppShell({
  actorName,
  notifications,
  nav,
  banner,
  myWork = false,
  children,
}: {
  actorName: string;
  /** NOT-2: the person may choose their own email notifications (canChooseAgentNotifications). */
  notifications: boolean;
  nav: NavGroup[];
  /** WRK-2: My work, with its counts, heads the navigation. */
  myWork?: boolean;
  /** A notice above every page (SET-1's demo-password warning). */
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <aside className="hidden w-52 shrink-0 flex-col bg-slate-900 px-3 py-4 md:flex">
        <Link href="/" className="mb-6 flex items-center gap-2 px-2 text-base font-semibold text-white">
          <span className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-500 text-sm font-bold">
            C
          </span>
          Caseflow
        </Link>
        <WorkspaceNav nav={nav} myWork={myWork} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-3 border-b border-slate-200 bg-white px-4">
          {/* WRK-5: the global search box (components/search). */}
          <div className="mr-auto min-w-0 flex-1">
            <GlobalSearch />
          </div>
          <span className="text-sm text-slate-600">
            Signed in as <span className="font-medium text-slate-900">{actorName}</span>
          </span>
          {notifications && (
            // NOT-2: the person's own email notifications.
            <Link
              href="/account/notifications"
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Notifications
            </Link>
          )}
          <Link
            href="/account/password"
            className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            Change password
          </Link>
          <form action={logout}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Sign out
            </button>
          </form>
        </header>
        {banner}
        <main id={MAIN_ID} tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none lg:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
