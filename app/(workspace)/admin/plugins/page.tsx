import type { Metadata } from "next";
import { ActionSwitch } from "@/components/ui/action-switch";
import { PageHeader } from "@/components/ui/page-header";
import { adminActor } from "@/lib/server/auth/page";
import { listPlugins } from "@/lib/server/plugins/admin";
import { setPluginActiveAction } from "./actions";

export const metadata: Metadata = { title: "Plugins" };

export default async function PluginsPage() {
  const actor = await adminActor();
  const plugins = await listPlugins(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <PageHeader title="Plugins">
        An inactive plugin's menu items, fields and sync disappear, and the server refuses its actions.
      </PageHeader>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {plugins.map((p) => (
          <li key={p.id} className="flex items-start justify-between gap-4 px-4 py-4">
            <div>
              <div className="font-medium text-slate-900">{p.name}</div>
              <div className="font-mono text-xs text-slate-500">{p.id}</div>
              <p className="mt-1 text-sm text-slate-600">{p.description}</p>
            </div>
            <ActionSwitch
              action={setPluginActiveAction}
              fields={{ id: p.id }}
              active={p.active}
              label={`Active: ${p.id}`}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
