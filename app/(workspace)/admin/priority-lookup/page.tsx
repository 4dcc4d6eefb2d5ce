import type { Metadata } from "next";
import { LookupRow } from "@/components/admin/lookup-row";
import { adminActor } from "@/lib/server/auth/page";
import { PageHeader } from "@/components/ui/page-header";
import { listLookup } from "@/lib/server/priority/admin";

export const metadata: Metadata = { title: "Priority Data Lookup" };

export default async function PriorityLookupPage() {
  const actor = await adminActor();
  const rows = await listLookup(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <PageHeader title="Priority Data Lookup">
        Impact × urgency → priority. Incidents recalculate their priority from this table; an incident created
        from a case takes the case priority and the impact and urgency of the first row (lowest order) with
        that priority.
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="cf-table">
          <caption className="sr-only">Priority Data Lookup</caption>
          <thead>
            <tr>
              <th scope="col">Impact</th>
              <th scope="col">Urgency</th>
              <th scope="col">Priority</th>
              <th scope="col">Order</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <LookupRow key={r.id} row={r} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
