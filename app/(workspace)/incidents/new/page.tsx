import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewIncidentForm } from "@/components/incidents/new-incident-form";
import { Section } from "@/components/ui/section";
import { canWriteIncidents } from "@/lib/domain/auth/roles";
import { workspaceActor } from "@/lib/server/auth/page";
import { accountOptions } from "@/lib/server/lookup/choices";

export const metadata: Metadata = { title: "New incident" };

export default async function NewIncidentPage() {
  const actor = await workspaceActor();
  if (!canWriteIncidents(actor)) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-lg font-semibold">New incident</h1>
      <Section title="Incident details">
        <NewIncidentForm accounts={await accountOptions()} />
      </Section>
    </div>
  );
}
