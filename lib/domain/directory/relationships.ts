// SPEC §1, ROLE-3: related accounts pair a partner account with a customer account.
import { invalid } from "../errors";

export type Side = { id: number; name: string; number: string; isPartner: boolean; isCustomer: boolean };

/**
 * SPEC §1, ROLE-3: which of two accounts is the partner. The account whose page it is serves as the
 * partner when it is one and the other is a customer; otherwise the other one must be the partner.
 */
export function partnerSide(self: Side, other: Side): { partner: Side; customer: Side } {
  if (self.id === other.id) throw invalid("otherAccountId", "An account cannot be related to itself.");
  if (self.isPartner && other.isCustomer) return { partner: self, customer: other };
  if (other.isPartner && self.isCustomer) return { partner: other, customer: self };
  throw invalid(
    "otherAccountId",
    `Related accounts pair a partner with a customer; ${self.name} and ${other.name} are not such a pair.`,
  );
}
