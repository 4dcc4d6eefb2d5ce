import type { Metadata } from "next";
import { CaseMailCard } from "@/components/admin/notifications/case-mail-card";
import { PageHeader } from "@/components/ui/page-header";
import { adminActor } from "@/lib/server/auth/page";
import { listCaseMailTemplates } from "@/lib/server/notifications/case-mail-admin";

export const metadata: Metadata = { title: "Customer emails" };

/** NOT-1: the emails a case's customer gets — each switchable, with its subject and body. */
export default async function NotificationsPage() {
  const actor = await adminActor();
  const templates = await listCaseMailTemplates(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title="Customer emails">
        What a case&apos;s customer (its contact, else its consumer) is emailed when the case moves. Each
        email is sent from the case&apos;s reply address, so the customer&apos;s answer lands on the case.
        Work notes are never emailed.
      </PageHeader>
      {templates.map((t) => (
        <CaseMailCard key={t.event} template={t} />
      ))}
    </div>
  );
}
