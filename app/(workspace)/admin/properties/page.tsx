import type { Metadata } from "next";
import { PropertyRow } from "@/components/admin/property-row";
import { adminActor } from "@/lib/server/auth/page";
import { PageHeader } from "@/components/ui/page-header";
import { listProperties } from "@/lib/server/properties/admin";

export const metadata: Metadata = { title: "System properties" };

export default async function PropertiesPage() {
  const actor = await adminActor();
  const properties = await listProperties(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-3">
      <PageHeader title="System properties">
        Each value is checked against its type before it is saved; every change is audited.
      </PageHeader>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {properties.map((p) => (
          <PropertyRow key={p.name} p={p} />
        ))}
      </ul>
    </div>
  );
}
