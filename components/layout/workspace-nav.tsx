"use client";
import { MyWorkNav } from "./my-work-nav";
import { NavLink } from "./nav-link";

export type NavGroup = { title?: string; items: { href: string; label: string }[] };

/**
 * The workspace navigation, rendered from its data: one client component for the whole list, so
 * the server's payload carries the groups and links once, not an element tree with a client
 * reference per link (PERF-8).
 */
export function WorkspaceNav({ nav, myWork }: { nav: NavGroup[]; myWork: boolean }) {
  return (
    <nav aria-label="Workspace" className="space-y-5">
      {myWork && <MyWorkNav />}
      {nav.map((g, i) => (
        <div key={i}>
          {g.title && (
            <div className="mb-1 px-3 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">
              {g.title}
            </div>
          )}
          <ul className="space-y-0.5">
            {g.items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
