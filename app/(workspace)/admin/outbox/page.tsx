import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { StatusTabs } from "@/components/admin/status-tabs";
import { hrefWith } from "@/lib/query-string";
import { RowActionButton } from "@/components/admin/row-action-button";
import { retryMessageAction } from "./actions";
import { Badge, type Tone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { adminActor } from "@/lib/server/auth/page";
import { PageHeader } from "@/components/ui/page-header";
import { listOutbox, OUTBOX_PAGE, OUTBOX_STATUSES } from "@/lib/server/outbox/admin";
import { EmailText } from "@/components/ui/email-text";

export const metadata: Metadata = { title: "Outbox" };
const TONE: Record<string, Tone> = {
  pending: "blue",
  sending: "amber",
  sent: "green",
  failed: "red",
  suppressed: "gray",
};

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const actor = await adminActor();
  const sp = await searchParams;
  const box = await listOutbox(actor, { status: sp.status, page: Number(sp.page) || 1 });
  return (
    <div className="mx-auto max-w-6xl space-y-3">
      <PageHeader title="Outbox">
        Email is queued in the same transaction as the change that causes it and sent after commit.{" "}
        {box.smtpConfigured ? "SMTP is configured." : "SMTP_URL is not set: messages wait here unsent."}
      </PageHeader>
      <StatusTabs
        label="Message status"
        path="/admin/outbox"
        statuses={OUTBOX_STATUSES}
        counts={box.counts}
        current={box.status}
      />
      <AdminTable
        label="Outbox messages"
        columns={["Queued", "To", "Subject", "Event", "Status", ""]}
        empty="No messages."
        list={box}
        pageSize={OUTBOX_PAGE}
        hrefFor={(p) => hrefWith("/admin/outbox", { status: box.status, page: p })}
      >
        {box.rows.map((m) => (
          <tr key={m.id}>
            <td className="cf-nowrap">
              <Time value={m.createdAt} />
            </td>
            <td>
              {m.recipient}
              {m.replyTo && (
                <div className="text-xs text-slate-500">
                  Reply to <EmailText email={m.replyTo} />
                </div>
              )}
            </td>
            <td className="max-w-sm">
              <div className="truncate text-slate-900">{m.subject}</div>
              {m.reason && <div className="text-xs text-slate-500">{m.reason}</div>}
              {m.lastError && <div className="text-xs text-red-700">{m.lastError}</div>}
            </td>
            <td className="font-mono text-xs">{m.event}</td>
            <td>
              <Badge tone={TONE[m.status] ?? "gray"}>{m.status}</Badge>
              {m.sentAt && (
                <div className="text-xs text-slate-500">
                  <Time value={m.sentAt} />
                </div>
              )}
            </td>
            <td>
              {m.retryable && <RowActionButton action={retryMessageAction} id={m.id} label="Retry" />}
              {m.status === "failed" && !m.retryable && (
                <div className="text-xs text-slate-500">Link removed: invite again</div>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
