// SPEC §1, ROLE-3: related accounts pair a partner account with a customer account.
import { invalid } from "../errors";

export type Side = { id: number; name: string; number: string; isPartner: boolean; isCustomer: boolean };

/** What the other account is to the one whose page it is. */
export type OtherIs = "partner" | "customer";

/**
 * SPEC §1, ROLE-3: which of two accounts is the partner. `otherIs` says it (the row removed, the
 * direction chosen on Add): it must fit the accounts' kinds. Without it, the account whose page it is
 * serves as the partner when it is one and the other is a customer; otherwise the other one must be
 * the partner. Two accounts that are both customer and partner can be related either way, so a
 * removal always names the direction of the relationship it ends.
 */
export function partnerSide(self: Side, other: Side, otherIs?: OtherIs): { partner: Side; customer: Side } {
  if (self.id === other.id) throw invalid("otherAccountId", "An account cannot be related to itself.");
  const selfServes = self.isPartner && other.isCustomer;
  const otherServes = other.isPartner && self.isCustomer;
  const pick = otherIs ?? (selfServes ? "customer" : otherServes ? "partner" : null);
  if (pick === "customer" && selfServes) return { partner: self, customer: other };
  if (pick === "partner" && otherServes) return { partner: other, customer: self };
  throw invalid(
    otherIs ? "otherIs" : "otherAccountId",
    otherIs
      ? `${other.name} cannot be a ${otherIs} of ${self.name}: a partner serves a customer.`
      : `Related accounts pair a partner with a customer; ${self.name} and ${other.name} are not such a pair.`,
  );
}
