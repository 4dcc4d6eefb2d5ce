import type { Metadata } from "next";
import { ActionSwitch } from "@/components/ui/action-switch";
import { setRuleActiveAction } from "./actions";
import { adminActor } from "@/lib/server/auth/page";
import { PageHeader } from "@/components/ui/page-header";
import { listRules } from "@/lib/server/sync/admin";

export const metadata: Metadata = { title: "Business rules" };

export default async function BusinessRulesPage() {
  const actor = await adminActor();
  const rules = await listRules(actor);
  return (
    <div className="mx-auto max-w-6xl space-y-3">
      <PageHeader title="Business rules">
        The rules that copy updates of related records into the work notes of their cases. An inactive rule
        does nothing.
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="cf-table">
          <caption className="sr-only">Business rules</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Table</th>
              <th scope="col">When</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={`${r.table}/${r.name}`}>
                <td className="align-top">
                  <div className="font-medium text-slate-900">{r.name}</div>
                  <div className="mt-0.5 max-w-xl text-xs text-slate-500">{r.description}</div>
                </td>
                <td className="align-top font-mono text-xs">{r.table}</td>
                <td className="align-top text-xs">{r.trigger}</td>
                <td className="align-top">
                  <ActionSwitch
                    action={setRuleActiveAction}
                    fields={{ table: r.table, name: r.name }}
                    active={r.active}
                    label={`Active: ${r.name}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
