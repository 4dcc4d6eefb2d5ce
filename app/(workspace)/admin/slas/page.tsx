import type { Metadata } from "next";
import { SlaHoursForm } from "@/components/admin/slas/hours-form";
import { SlaTargetRow } from "@/components/admin/slas/target-row";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { adminActor } from "@/lib/server/auth/page";
import { listSlaSettings } from "@/lib/server/sla/admin";

export const metadata: Metadata = { title: "SLAs" };

/** NOT-5: response and resolution targets per priority, and the business hours they may count in. */
export default async function SlasPage() {
  const actor = await adminActor();
  const { targets, hours } = await listSlaSettings(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title="SLAs">
        Each new case gets its priority&apos;s targets: a response (met by Accept or the first additional
        comment of an agent) and a resolution (met when the case is Resolved). The clock pauses while the case
        is Awaiting Info; a new priority re-targets the case&apos;s running SLAs. Empty: no SLA.
      </PageHeader>
      <Section title="Targets per priority" id="sla-targets">
        <div className="space-y-3">
          {targets.map((t) => (
            <SlaTargetRow key={t.priority} target={t} hoursSet={!!hours} />
          ))}
        </div>
      </Section>
      <Section title="Business hours" id="sla-hours">
        {/* Not keyed by version: a remount after the save lost its "Business hours saved." notice. */}
        <SlaHoursForm hours={hours} />
      </Section>
    </div>
  );
}
