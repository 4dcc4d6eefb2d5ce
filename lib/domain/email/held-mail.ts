// NOT-3: the inputs of a held message's actions on /admin/inbox — Open case (an existing contact or
// consumer, or a new contact of an account, SET-2) and Discard.
import { z } from "zod";
import { invalid } from "../errors";
import { optionalId, requiredId } from "../validation";

/** The status of a message from an unknown sender, and of a handled one. */
export const HELD = "held";
export const UNKNOWN_SENDER = "unknown_sender";

export const heldMessageSchema = z.object({ id: requiredId("Message") });
export type HeldMessageInput = { id?: unknown };

export const openHeldSchema = z.object({
  id: requiredId("Message"),
  contactId: optionalId("Contact"),
  consumerId: optionalId("Consumer"),
  /** A new contact: its account (the name and phone are checked by the directory, SET-2). */
  accountId: optionalId("Account"),
  name: z.string().optional(),
  phone: z.string().optional(),
});
export type OpenHeldInput = Record<string, unknown>;

export type HeldCustomerChoice =
  | { kind: "contact"; id: number }
  | { kind: "consumer"; id: number }
  | { kind: "new"; accountId: number; name: string; phone?: string };

/** Exactly one of: a contact, a consumer, or a new contact (account and name). */
export function customerChoiceOf(input: z.output<typeof openHeldSchema>): HeldCustomerChoice {
  const wantsNew = !!(input.accountId || input.name?.trim());
  const chosen = [input.contactId, input.consumerId, wantsNew ? 1 : null].filter(Boolean).length;
  if (chosen !== 1)
    throw invalid("contactId", "Choose one contact or consumer, or create a contact (account and name).");
  if (input.contactId) return { kind: "contact", id: input.contactId };
  if (input.consumerId) return { kind: "consumer", id: input.consumerId };
  if (!input.accountId) throw invalid("accountId", "Account is required for a new contact.");
  return { kind: "new", accountId: input.accountId, name: input.name ?? "", phone: input.phone };
}
