import "server-only";
import { db } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { linkRemoved, scheduleDelivery, smtpConfigured } from "./deliver";
import { listPage, recordId } from "@/lib/domain/validation";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "suppressed"] as const;
export const OUTBOX_PAGE = 50;

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can see the outbox.");
}

/** REL-4: queued, sent, failed and suppressed email, newest first, with counts per status. */
export async function listOutbox(actor: Actor, filter: { status?: string; page?: number }) {
  assertAdmin(actor);
  const status = OUTBOX_STATUSES.find((s) => s === filter.status);
  const where = status ? { status } : {};
  const page = listPage(filter.page);
  const [rows, total, counts] = await Promise.all([
    db().outboxMessage.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * OUTBOX_PAGE,
      take: OUTBOX_PAGE,
    }),
    db().outboxMessage.count({ where }),
    db().outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    // A failed message whose password link was removed with its failure cannot be sent again.
    rows: rows.map((r) => ({ ...r, retryable: r.status === "failed" && !linkRemoved(r.body) })),
    total,
    page,
    status: status ?? null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    smtpConfigured: smtpConfigured(),
  };
}

/** Sends a failed message again. */
export async function retryMessage(actor: Actor, rawId: unknown) {
  assertAdmin(actor);
  const id = recordId(rawId);
  if (id === null) throw invalid("id", "Unknown message.");
  const failed = await db().outboxMessage.findUnique({ where: { id }, select: { body: true } });
  if (failed && linkRemoved(failed.body))
    throw invalid(
      "id",
      "This email's one-time password link was removed when it could not be sent: " +
        "invite the person again, or have them use Forgot password.",
    );
  const { count } = await db().outboxMessage.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, lockedUntil: null },
  });
  if (!count) throw invalid("id", "Only failed messages can be retried.");
  scheduleDelivery();
  return { id };
}
