import "server-only";
import { db } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { canHandleHeldMail } from "@/lib/domain/email/email-to-case";
import { HELD } from "@/lib/domain/email/held-mail";
import { INBOUND_FAILED } from "@/lib/domain/email/inbound";
import { forbidden } from "@/lib/domain/errors";
import { listPage } from "@/lib/domain/validation";

// REL-6: "failed" — processing threw; the sender retries and the next delivery processes it again.
export const INBOX_STATUSES = ["accepted", "opened", HELD, "discarded", "refused", INBOUND_FAILED] as const;
export const INBOX_PAGE = 50;

/**
 * PRO-5, REL-6: received email, newest first, with its outcome — accepted (the case it went to)
 * or refused (why) — and how often it was delivered; counts per outcome. Administrators; agents
 * and managers see the held ones (NOT-3: unknown senders).
 */
export async function listInbox(actor: Actor, filter: { status?: string; page?: number }) {
  const admin = canAdminister(actor);
  if (!admin && !canHandleHeldMail(actor)) throw forbidden("Only administrators can see the inbox.");
  // NOT-3: agents and managers see the messages from unknown senders only, to open cases from them.
  const status = admin ? INBOX_STATUSES.find((s) => s === filter.status) : HELD;
  const where = status ? { status } : { status: { in: [...INBOX_STATUSES] } };
  const page = listPage(filter.page);
  const [rows, total, counts] = await Promise.all([
    db().inboundMessage.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * INBOX_PAGE,
      take: INBOX_PAGE,
    }),
    db().inboundMessage.count({ where }),
    db().inboundMessage.groupBy({
      by: ["status"],
      where: admin ? {} : { status: HELD },
      _count: { _all: true },
    }),
  ]);
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((id): id is number => id !== null))];
  const cases = caseIds.length
    ? await db().case.findMany({ where: { id: { in: caseIds } }, select: { id: true, number: true } })
    : [];
  const numbers = new Map(cases.map((c) => [c.id, c.number]));
  // NOT-3 / NOT-4: the names of a held message's files, for the one deciding to open a case from it.
  const heldIds = rows.filter((r) => r.status === HELD).map((r) => r.id);
  const files = heldIds.length
    ? await db().inboundFile.findMany({
        where: { messageId: { in: heldIds } },
        orderBy: { id: "asc" },
        select: { messageId: true, fileName: true, tooLarge: true },
      })
    : [];
  const filesOf = (id: number) =>
    files
      .filter((f) => f.messageId === id)
      .map((f) => (f.tooLarge ? `${f.fileName} (too large, not kept)` : f.fileName));
  return {
    rows: rows.map((r) => ({
      ...r,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
      files: filesOf(r.id),
    })),
    total,
    page,
    status: status ?? null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    smtpPort: process.env.INBOUND_SMTP_PORT || null,
    admin,
  };
}
