import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionSwitch } from "@/components/ui/action-switch";
import { canChooseAgentNotifications } from "@/lib/domain/notifications/agent";
import { workspaceActor } from "@/lib/server/auth/page";
import { agentNotificationPreferences } from "@/lib/server/notifications/preferences";
import { setAgentNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

/**
 * NOT-2: the agent's own email notifications, each kind with an on/off switch that saves at once.
 * Internal users only: customers are sent to the portal, internal users without a role get the 404 page.
 */
export default async function NotificationsPage() {
  const actor = await workspaceActor();
  if (!canChooseAgentNotifications(actor)) notFound();
  const preferences = await agentNotificationPreferences(actor);
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 p-6 sm:pt-20">
      <div className="w-full max-w-lg">
        <Link href="/" className="text-sm font-medium text-brand-700 hover:underline">
          ← Back
        </Link>
        <h1 className="mt-3 mb-1 text-xl font-semibold text-slate-900">Notifications</h1>
        <p className="mb-4 text-sm text-slate-600">
          The emails Caseflow sends you at {actor.email}. Turn off those you do not want.
        </p>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
          {preferences.map((p) => (
            <li key={p.kind} className="flex items-start justify-between gap-4 p-4">
              <div>
                <h2 className="text-sm font-medium text-slate-900">{p.label}</h2>
                <p className="mt-0.5 text-sm text-slate-600">{p.description}</p>
              </div>
              <ActionSwitch
                action={setAgentNotificationAction}
                fields={{ kind: p.kind }}
                field="enabled"
                active={p.enabled}
                label={p.label}
                states={["On", "Off"]}
              />
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
