import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { ownCasePartner } from "@/lib/domain/scope/external";
import { auditCreation } from "../audit/write";
import { readCaseCreatedConfiguration, runCaseCreatedFollowUps } from "../follow-ups/case";
import { nextNumber } from "../records/numbers";
import { threadCaseMails } from "../tables/outbox-message";

/** The contact or consumer a case opened from an email is for. */
export type EmailCustomer = { id: number; kind: string; accountId: number | null };

/**
 * NOT-3: the case a new email opens — channel email, New, the customer as contact (on their
 * account) or consumer (no account, as the portal does), opened and audited as `author` (the
 * sender, or the agent who opened it from a held message); a partner's case names them as its
 * partner contact, as the portal's New case does (ROLE-3). The acknowledgement (NOT-1) and the
 * assignment email follow in the same transaction; the caller schedules delivery after commit.
 */
export async function openEmailCase(
  tx: Tx,
  o: {
    customer: EmailCustomer;
    fields: { shortDescription: string; description: string };
    author: Pick<Actor, "id" | "name">;
    /** The Message-ID of the customer's email: the acknowledgement answers it (threaded). */
    inReplyTo?: string | null;
  },
) {
  const consumer = o.customer.kind === "consumer";
  const roles = await tx.userRole.findMany({ where: { userId: o.customer.id }, select: { role: true } });
  const partner = ownCasePartner({ ...o.customer, roles: roles.map((r) => r.role) });
  await readCaseCreatedConfiguration(tx); // before the number's lock
  const number = await nextNumber(tx, "case");
  const created = await tx.case.create({
    data: {
      number,
      ...o.fields,
      state: CaseState.New,
      channel: "email",
      accountId: consumer ? null : o.customer.accountId,
      contactId: consumer ? null : o.customer.id,
      consumerId: consumer ? o.customer.id : null,
      ...partner, // a partner sees the case they asked for (ROLE-3), as from the portal
      openedById: o.author.id,
    },
  });
  await auditCreation(tx, TABLE.case, created, o.author);
  await runCaseCreatedFollowUps({ tx, actor: o.author, after: created }); // NOT-1: the acknowledgement
  if (o.inReplyTo) await threadCaseMails(tx, created.id, "case.opened", o.inReplyTo);
  return { id: created.id, number };
}
