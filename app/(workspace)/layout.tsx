import { redirect } from "next/navigation";
import { AppShell, type NavGroup } from "@/components/layout/app-shell";
import {
  canAdminister,
  canReadCases,
  canReadIncidents,
  canReadItsm,
  isExternal,
} from "@/lib/domain/auth/roles";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { canChooseAgentNotifications } from "@/lib/domain/notifications/agent";
import { canManageDirectory } from "@/lib/domain/directory/access";
import { canHandleHeldMail } from "@/lib/domain/email/email-to-case";
import { canReadWorkOrders } from "@/lib/domain/work-orders/access";
import { getActor } from "@/lib/server/auth/actor";
import { signInFirst } from "@/lib/server/auth/page";
import { activePlugins } from "@/lib/server/plugins/read";
import { demoPasswordInUse } from "@/lib/server/auth/demo-password";
import { DemoPasswordBanner } from "@/components/layout/demo-password-banner";
import { WorkspaceShortcuts } from "@/components/keyboard/workspace-shortcuts";
import { listViews } from "@/lib/server/views/views";

/** Workspace pages are for internal users. Each page and action still checks for itself. */
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return signInFirst();
  if (isExternal(actor)) redirect("/portal");
  // WRK-4: the person's saved views — read with the person (lib/server/auth/requester-read.ts),
  // shared with the case list (request cache).
  const [plugins, demoPasswords, views] = await Promise.all([
    activePlugins(),
    demoPasswordInUse(),
    canReadCases(actor) ? listViews(actor) : [],
  ]);
  const nav: NavGroup[] = [
    // WRK-4: "Views" comes right after My work (which the shell draws first).
    ...(views.length ? [{ title: "Views", items: views.map((v) => ({ href: v.href, label: v.name })) }] : []),
    {
      items: [
        { href: "/cases", label: "Cases" },
        { href: "/major-cases", label: "Major cases" },
        // NOT-3: agents and managers open cases from the messages of unknown senders (admins: Inbox).
        ...(canHandleHeldMail(actor) && !canAdminister(actor)
          ? [{ href: "/admin/inbox", label: "Unknown senders" }]
          : []),
        ...(canReadIncidents(actor) ? [{ href: "/incidents", label: "Incidents" }] : []),
        // ITSM-5: a plugin's records are offered while it is active.
        ...(canReadItsm(actor) && plugins.has(PLUGIN.serviceManagement)
          ? [
              { href: "/problems", label: "Problems" },
              { href: "/changes", label: "Changes" },
            ]
          : []),
        ...(canReadItsm(actor) && plugins.has(PLUGIN.requestManagement)
          ? [{ href: "/requests", label: "Requests" }]
          : []),
        ...(canReadWorkOrders(actor) && plugins.has(PLUGIN.fieldService)
          ? [{ href: "/work-orders", label: "Work Orders" }]
          : []),
      ],
    },
  ];
  if (canManageDirectory(actor)) {
    nav.push({
      title: "Customers",
      items: [
        { href: "/admin/accounts", label: "Accounts" },
        { href: "/admin/consumers", label: "Consumers" },
        { href: "/admin/import", label: "Import" },
      ],
    });
  }
  if (canAdminister(actor)) {
    nav.push({
      title: "Administration",
      items: [
        { href: "/admin/properties", label: "System properties" },
        { href: "/admin/users", label: "Users" },
        { href: "/admin/groups", label: "Assignment groups" },
        { href: "/admin/api-tokens", label: "API tokens" },
        { href: "/admin/business-rules", label: "Business rules" },
        { href: "/admin/priority-lookup", label: "Priority lookup" },
        { href: "/admin/field-maps", label: "Field maps" },
        { href: "/admin/change-templates", label: "Change templates" },
        { href: "/admin/plugins", label: "Plugins" },
        { href: "/admin/notifications", label: "Customer emails" },
        { href: "/admin/slas", label: "SLAs" },
        { href: "/admin/outbox", label: "Outbox" },
        { href: "/admin/inbox", label: "Inbox" },
        { href: "/admin/audit", label: "Audit log" },
      ],
    });
  }
  return (
    <AppShell
      actorName={actor.name}
      notifications={canChooseAgentNotifications(actor)}
      nav={nav}
      myWork={canReadCases(actor)}
      banner={demoPasswords ? <DemoPasswordBanner /> : null}
    >
      {children}
      <WorkspaceShortcuts actor={actor} />
    </AppShell>
  );
}
