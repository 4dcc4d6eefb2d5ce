import type { Metadata } from "next";
import { NewTemplateForm, TemplateCard } from "@/components/admin/change-templates/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { adminActor } from "@/lib/server/auth/page";
import { listTemplates } from "@/lib/server/itsm/templates";

export const metadata: Metadata = { title: "Standard change templates" };

/** ITSM-1: the approved templates Create Standard Change picks from, kept by administrators. */
export default async function ChangeTemplatesPage() {
  const actor = await adminActor();
  const templates = await listTemplates(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title="Standard change templates">
        A standard change is pre-approved work done the same way each time. Create Standard Change on a case
        makes one from a template picked here — its short description, description, impact, urgency and
        priority — and skips Assess and Authorize. Agents are offered the templates that are approved and
        active; the action is offered only while there is one. Changes made before keep what they were given.
      </PageHeader>
      <Section title="New template" id="new-template">
        <NewTemplateForm />
      </Section>
      {templates.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No templates yet: Create Standard Change is not offered on any case.
        </p>
      ) : (
        templates.map(({ _count, ...t }) => (
          <TemplateCard key={t.id} template={{ ...t, used: _count.changes }} />
        ))
      )}
    </div>
  );
}
