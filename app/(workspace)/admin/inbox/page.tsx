import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AdminTable } from "@/components/admin/admin-table";
import { StatusTabs } from "@/components/admin/status-tabs";
import { hrefWith } from "@/lib/query-string";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { INBOUND_FAILED, REFUSAL_LABELS, type InboundRefusal } from "@/lib/domain/email/inbound";
import { HeldActions } from "@/components/admin/inbox/held-actions";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { INBOX_PAGE, INBOX_STATUSES, listInbox } from "@/lib/server/inbound-mail/admin";

export const metadata: Metadata = { title: "Inbox" };

const reasonOf = (reason: string | null) => REFUSAL_LABELS[reason as InboundRefusal] ?? reason ?? "";
const TAB_LABELS = { held: "Unknown sender" };
const TONES = {
  accepted: "green",
  opened: "green",
  held: "amber",
  discarded: "gray",
  refused: "red",
  [INBOUND_FAILED]: "red",
} as const;

/**
 * PRO-5, REL-6: received email and its outcome, like /admin/outbox. NOT-3: new messages to the
 * support address from unknown senders wait here ("Unknown sender") for Open case or Discard;
 * agents and managers see only those.
 */
export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const actor = await workspaceActor();
  const sp = await searchParams;
  const box = await readOr404(listInbox(actor, { status: sp.status, page: Number(sp.page) || 1 }));
  return (
    <div className="mx-auto max-w-6xl space-y-3">
      <PageHeader title="Inbox">
        Customer replies received by email, through the SMTP listener
        {box.smtpPort ? ` (port ${box.smtpPort})` : " (INBOUND_SMTP_PORT is not set)"} or POST
        /api/inbound/email. Accepted replies are additional comments on their case; a new message to the
        support address opens a case, or waits here under Unknown sender.
      </PageHeader>
      {box.admin && (
        <StatusTabs
          label="Message outcome"
          path="/admin/inbox"
          statuses={INBOX_STATUSES}
          counts={box.counts}
          current={box.status}
          labels={TAB_LABELS}
        />
      )}
      <AdminTable
        label="Received messages"
        columns={["Received", "From", "To", "Subject", "Via", "Deliveries", "Outcome"]}
        empty="No messages."
        list={box}
        pageSize={INBOX_PAGE}
        hrefFor={(p) => hrefWith("/admin/inbox", { status: box.status, page: p })}
      >
        {box.rows.map((m) => (
          <tr key={m.id}>
            <td className="cf-nowrap">
              <Time value={m.receivedAt} />
            </td>
            <td className="max-w-48 truncate">{m.fromAddress}</td>
            <td className="max-w-48 truncate">{m.toAddress}</td>
            <td className="max-w-sm">
              <div className="truncate">{m.subject}</div>
              {m.files.length > 0 && (
                <div className="truncate text-xs text-slate-500">Files: {m.files.join(", ")}</div>
              )}
            </td>
            <td className="font-mono text-xs">{m.receivedVia}</td>
            <td className="text-right tabular-nums">{m.deliveries}</td>
            <td>
              <Badge tone={TONES[m.status as keyof typeof TONES] ?? "gray"}>
                {m.status === "held" ? "Unknown sender" : m.status}
              </Badge>
              {m.caseNumber && (
                <div className="text-xs">
                  <Link className="text-brand-700 underline" href={`/cases/${m.caseNumber}`}>
                    {m.caseNumber}
                  </Link>
                </div>
              )}
              {m.status === "refused" && <div className="text-xs text-slate-500">{reasonOf(m.reason)}</div>}
              {m.status === INBOUND_FAILED && (
                <div className="text-xs text-slate-500">
                  Could not be processed: {m.reason}. The sender was asked to retry; the next delivery is
                  processed again.
                </div>
              )}
              {m.status === "held" && (
                <div className="mt-1">
                  <HeldActions id={m.id} from={m.fromAddress} subject={m.subject} />
                </div>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
