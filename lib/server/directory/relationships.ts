import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { relationshipSchema } from "@/lib/domain/directory/schemas";
import { invalid } from "@/lib/domain/errors";
import { partnerSide, type OtherIs, type Side } from "@/lib/domain/directory/relationships";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { insertRelationship } from "@/lib/server/tables/account-relationship";
import { writeAudit } from "../audit/write";
import { assertDirectory, forgetDirectoryOptions, requireAccount } from "./access";
import { lockRows } from "@/lib/server/tables/row-locks";

async function pairOf(tx: Tx, number: string, otherAccountId: number, otherIs?: OtherIs) {
  // Both locked, in id order, before their kinds decide the sides (SET-2: a kind change waits).
  const selfId = (await requireAccount(tx, number)).id;
  await lockRows(tx, "Account", [selfId, otherAccountId]);
  const self = await requireAccount(tx, number);
  const other = await tx.account.findUnique({
    where: { id: otherAccountId },
    select: { id: true, name: true, number: true, isPartner: true, isCustomer: true, active: true },
  });
  if (!other) throw invalid("otherAccountId", "Related account was not found; pick it again from the list.");
  return { self, other, ...partnerSide(self, other, otherIs) };
}

/** The audit rows of both accounts: "Related accounts: (empty) → Initech Partners" and its mirror. */
async function auditBoth(tx: Tx, actor: Actor, p: { partner: Side; customer: Side }, added: boolean) {
  for (const [record, other] of [
    [p.partner, p.customer],
    [p.customer, p.partner],
  ] as const) {
    const text = `${other.name} (${other.number})`;
    await writeAudit(
      tx,
      TABLE.account,
      record.id,
      [{ field: "relatedAccounts", oldValue: added ? null : text, newValue: added ? text : null }],
      actor,
    );
  }
}

/**
 * SET-2: relates a partner account to a customer account (a partner admin then sees the customer's
 * cases, ROLE-3). Adding an existing pair changes nothing; both accounts' histories show the change.
 */
export async function addRelatedAccount(
  actor: Actor,
  number: string,
  raw: { otherAccountId?: unknown; otherIs?: unknown },
  outer?: Tx,
) {
  assertDirectory(actor);
  const { otherAccountId, otherIs } = parseOrThrow(relationshipSchema, raw);
  return inTransaction(outer, async (tx) => {
    const pair = await pairOf(tx, number, otherAccountId, otherIs);
    if (!pair.other.active) throw invalid("otherAccountId", `${pair.other.name} is deactivated.`);
    const added = await insertRelationship(tx, pair.partner.id, pair.customer.id);
    if (added) await auditBoth(tx, actor, pair, true);
    forgetDirectoryOptions(tx); // an account's Partner choices
    return { partner: pair.partner.name, customer: pair.customer.name, changed: added > 0 };
  });
}

/** SET-2: ends a partner ↔ customer relationship (the partner's users lose sight of its cases). */
export async function removeRelatedAccount(
  actor: Actor,
  number: string,
  raw: { otherAccountId?: unknown; otherIs?: unknown },
  outer?: Tx,
) {
  assertDirectory(actor);
  const { otherAccountId, otherIs } = parseOrThrow(relationshipSchema, raw);
  return inTransaction(outer, async (tx) => {
    const pair = await pairOf(tx, number, otherAccountId, otherIs);
    const { count } = await tx.accountRelationship.deleteMany({
      where: { partnerAccountId: pair.partner.id, customerAccountId: pair.customer.id },
    });
    if (count) await auditBoth(tx, actor, pair, false);
    forgetDirectoryOptions(tx);
    return { partner: pair.partner.name, customer: pair.customer.name, changed: count > 0 };
  });
}
