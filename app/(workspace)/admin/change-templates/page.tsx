import type { Metadata } from "next";
import { NewTemplateForm, TemplateCard } from "@/components/admin/change-templates/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { adminActor } from "@/lib/server/auth/page";
import { listTemplates } from "@/lib/server/itsm/templates";
import { activePlugins } from "@/lib/server/plugins/read";
import { PLUGIN } from "@/lib/domain/plugins/catalog";

export const metadata: Metadata = { title: "Standard change templates" };

/** ITSM-1: the approved templates Create Standard Change picks from, kept by administrators. */
export default async function ChangeTemplatesPage() {
  const actor = await adminActor();
  const templates = await listTemplates(actor);
  // ITSM-5: with Service Management off no case offers the action, whatever the templates.
  const pluginOn = (await activePlugins()).has(PLUGIN.serviceManagement);
  const offered = pluginOn && templates.some((t) => t.approved && t.active);
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
      {!offered && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          {!pluginOn
            ? "The Service Management plugin is inactive: Create Standard Change is not offered on any case."
            : templates.length === 0
              ? "No templates yet: Create Standard Change is not offered on any case."
              : "No template is approved and active: Create Standard Change is not offered on any case."}
        </p>
      )}
      {templates.map(({ _count, ...t }) => (
        <TemplateCard key={t.id} template={{ ...t, used: _count.changes }} pluginOn={pluginOn} />
      ))}
    </div>
  );
}
