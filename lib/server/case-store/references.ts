import "server-only";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/domain/errors";
import { INTERNAL_ROLES } from "@/lib/domain/auth/roles";
import { assertCanBeAssigned, checkAssignment } from "@/lib/domain/assignment/assignment";
import { groupFacts } from "../assignment/members";

export type CaseRefs = {
  accountId?: number | null;
  contactId?: number | null;
  consumerId?: number | null;
  assetId?: number | null;
  partnerId?: number | null;
  partnerContactId?: number | null;
  assignmentGroupId?: number | null;
  assignedToId?: number | null;
};

/**
 * Checks that the records a case points at exist and fit together: the contact belongs to the
 * account, a consumer is a consumer, the partner is a partner account related to the account, the
 * assignee is internal.
 * A party newly set (not in `stored`, the record's values before the edit) must be active, as the
 * pickers offer only active ones (SET-2); one deactivated since it was set stays, so the record can
 * still be edited. A handful of indexed lookups, whatever the data size.
 * A case's assignee works cases (WRK-1); a work order's technician is any internal user with a role.
 */
export async function checkCaseReferences(
  tx: Tx,
  r: CaseRefs,
  noun = "case",
  stored: CaseRefs = {},
): Promise<void> {
  const userIds = [r.contactId, r.consumerId, r.partnerContactId, r.assignedToId].filter(
    (x): x is number => !!x,
  );
  const accountIds = [r.accountId, r.partnerId].filter((x): x is number => !!x);
  const forCase = noun === "case";
  // The partner is one of the account's partners (or the account itself: a partner's own case,
  // POR-1), asked when any of the three was set anew — a new partner contact too, who would gain
  // sight of the case (ROLE-3) — while a relationship ended since stays on an unchanged record.
  const askRelated =
    !!r.accountId &&
    !!r.partnerId &&
    r.accountId !== r.partnerId &&
    (r.accountId !== stored.accountId ||
      r.partnerId !== stored.partnerId ||
      (!!r.partnerContactId && r.partnerContactId !== stored.partnerContactId));
  const [users, accounts, asset, group, related] = await Promise.all([
    userIds.length
      ? tx.user.findMany({
          where: { id: { in: userIds } },
          select: {
            id: true,
            name: true,
            kind: true,
            accountId: true,
            active: true,
            roles: { select: { role: true } },
          },
        })
      : [],
    accountIds.length
      ? tx.account.findMany({
          where: { id: { in: accountIds } },
          select: { id: true, name: true, isPartner: true, active: true },
        })
      : [],
    r.assetId
      ? tx.asset.findUnique({ where: { id: r.assetId }, select: { id: true, accountId: true } })
      : null,
    groupFacts(tx, r.assignmentGroupId ?? null, forCase ? "case" : undefined),
    askRelated
      ? tx.accountRelationship.findUnique({
          where: {
            partnerAccountId_customerAccountId: {
              partnerAccountId: r.partnerId!,
              customerAccountId: r.accountId!,
            },
          },
          select: { id: true },
        })
      : null,
  ]);
  const user = (id: number | null | undefined) => (id ? users.find((u) => u.id === id) : undefined);
  const account = (id: number | null | undefined) => (id ? accounts.find((a) => a.id === id) : undefined);

  // SET-2: a deactivated account, contact or consumer is offered in no picker; set anew, it is refused.
  type Party = { name: string; active: boolean };
  const refuseInactive = (field: keyof CaseRefs, label: string, x?: Party) => {
    if (x && !x.active && r[field] !== stored[field])
      throw invalid(field, `${label}: ${x.name} is deactivated; pick an active one.`);
  };
  if (r.accountId && !account(r.accountId)) throw invalid("accountId", "Account: no such account.");
  refuseInactive("accountId", "Account", account(r.accountId));
  if (r.partnerId) {
    const p = account(r.partnerId);
    if (!p) throw invalid("partnerId", "Partner: no such account.");
    // One that stopped being a partner after it was set stays, like a deactivated one (SET-2).
    if (!p.isPartner && r.partnerId !== stored.partnerId)
      throw invalid("partnerId", "Partner: that account is not a partner account.");
    refuseInactive("partnerId", "Partner", p);
    if (askRelated && !related)
      throw invalid(
        "partnerId",
        `Partner: ${p.name} is not a partner of the ${noun}'s account ` +
          "(an administrator relates them on the account's page).",
      );
  }
  if (r.contactId) {
    const c = user(r.contactId);
    if (!c || c.kind !== "contact") throw invalid("contactId", "Contact: no such contact.");
    if (r.accountId && c.accountId !== r.accountId)
      throw invalid("contactId", `Contact: this contact does not belong to the ${noun}'s account.`);
    // A contact's record names their account too: without it the account's customer admin would
    // not see it (ROLE-3). The page offers contacts only once an account is picked; the API asks.
    if (!r.accountId && (r.accountId !== stored.accountId || r.contactId !== stored.contactId))
      throw invalid(
        "accountId",
        `Account: a ${noun} with a contact names the contact's account; give it too, or clear the contact.`,
      );
    refuseInactive("contactId", "Contact", c);
  }
  if (r.consumerId) {
    const c = user(r.consumerId);
    if (!c || c.kind !== "consumer") throw invalid("consumerId", "Consumer: no such consumer.");
    if (r.contactId) throw invalid("consumerId", `A ${noun} has a contact or a consumer, not both.`);
    // ROLE-3: a consumer is an individual, without an account; with one, the account's customer
    // admins and its partners' admins saw the consumer's case. Asked when either is set anew.
    if (r.accountId && (r.accountId !== stored.accountId || r.consumerId !== stored.consumerId))
      throw invalid(
        "consumerId",
        `Consumer: a ${noun} for a consumer has no account — clear the account, or pick a contact of it.`,
      );
    refuseInactive("consumerId", "Consumer", c);
  }
  if (r.partnerContactId) {
    const c = user(r.partnerContactId);
    if (!c || c.kind !== "contact") throw invalid("partnerContactId", "Partner contact: no such contact.");
    // A partner contact is one of the partner's contacts: without a partner it would be anyone's
    // (ROLE-3: they see the case). Held when either is set anew, like the partner's own check.
    const changed = r.partnerId !== stored.partnerId || r.partnerContactId !== stored.partnerContactId;
    if (!r.partnerId && changed)
      throw invalid(
        "partnerContactId",
        "Partner contact: pick the partner too, or clear the partner contact.",
      );
    if (r.partnerId && c.accountId !== r.partnerId)
      throw invalid(
        "partnerContactId",
        "Partner contact: this contact does not belong to the partner account.",
      );
    refuseInactive("partnerContactId", "Partner contact", c);
  }
  const assignment = { assignmentGroupId: r.assignmentGroupId ?? null, assignedToId: r.assignedToId ?? null };
  const reassigned =
    assignment.assignedToId !== (stored.assignedToId ?? null) ||
    assignment.assignmentGroupId !== (stored.assignmentGroupId ?? null);
  if (r.assignedToId && reassigned) {
    const a = user(r.assignedToId);
    if (!a || a.kind !== "internal" || !a.active)
      throw invalid("assignedToId", "Assigned to: pick an active internal user.");
    // WRK-1: a case's assignee can work cases (an agent, a manager); an ITSM fulfiller could only
    // watch it wait in their queue. One who lost the role since stays on an unchanged record.
    if (forCase) assertCanBeAssigned("case", a);
    else if (!a.roles.some((x) => (INTERNAL_ROLES as readonly string[]).includes(x.role)))
      throw invalid("assignedToId", "Assigned to: pick an active internal user.");
  }
  // WRK-1: the assignee is an active member of the assignment group (asked when either changes).
  if (reassigned) checkAssignment(assignment, group);
  if (r.assetId) {
    if (!asset) throw invalid("assetId", "Asset: no such asset.");
    if (r.accountId && asset.accountId && asset.accountId !== r.accountId)
      throw invalid("assetId", "Asset: this asset belongs to another account.");
  }
}
