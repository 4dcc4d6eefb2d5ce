import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PropertyRow } from "@/components/admin/property-row";
import { canAdminister } from "@/lib/domain/auth/roles";
import { workspaceActor } from "@/lib/server/auth/page";
import { listProperties } from "@/lib/server/properties/admin";

export const metadata: Metadata = { title: "System properties" };

export default async function PropertiesPage() {
  const actor = await workspaceActor();
  if (!canAdminister(actor)) notFound();
  const properties = await listProperties(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-3">
      <div>
        <h1 className="text-lg font-semibold">System properties</h1>
        <p className="text-sm text-slate-600">Each value is checked against its type before it is saved; every change is audited.</p>
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {properties.map((p) => <PropertyRow key={p.name} p={p} />)}
      </ul>
    </div>
  );
}
