// Validation of the portal's forms (POR-1, REL-1): every message names its field.
import { z } from "zod";
import { JOURNAL_MAX_LENGTH } from "../journal/entry";
import { caseStates, isChoice } from "../records/choices";
import {
  formKey,
  LIMITS,
  numberChoice,
  optionalId,
  optionalText,
  requiredText,
  searchText,
  versionField,
} from "../validation";

/** New case: what a customer may say; the rest (account, contact, channel) comes from who they are. */
export const portalNewCaseSchema = z.object({
  shortDescription: requiredText("Short description", LIMITS.shortDescription),
  description: optionalText("Description", LIMITS.description).default(""),
  assetId: optionalId("Asset"),
  /** REL-2: the form's key; a resubmitted form gets its case back (none from the Table API). */
  requestKey: formKey.optional(),
});
export type PortalNewCaseInput = z.input<typeof portalNewCaseSchema>;

/**
 * The Reply box. `shownState`: the case's state on the page it was written on — a reply to a
 * Resolved case rejects its solution (WRK-3), so one written before a solution was proposed is
 * refused rather than rejecting a solution its author never saw.
 */
export const portalReplySchema = z.object({
  reply: requiredText("Reply", JOURNAL_MAX_LENGTH),
  idempotencyKey: formKey,
  shownState: numberChoice("State", caseStates).optional(),
  /** The version the page showed: a Resolved case changed since (a solution proposed again) is asked again. */
  shownVersion: versionField.optional(),
});
export type PortalReplyInput = z.input<typeof portalReplySchema>;

/**
 * Accept solution: the version the customer saw, so an answer to a changed case is refused (REC-6);
 * with the Table API, a comment may come along (`comments` with `state` Closed): a closing word.
 */
export const portalAcceptSchema = z.object({
  version: versionField,
  comments: optionalText("Comments", JOURNAL_MAX_LENGTH).optional(),
});

/**
 * Reject solution: the reason is required; it becomes the customer's additional comment. Like
 * Accept, it answers the version the customer saw (REC-6): a solution proposed again since, or a
 * case changed in between, is not rejected unseen.
 */
export const portalRejectSchema = z.object({
  reason: requiredText("Reason", JOURNAL_MAX_LENGTH),
  idempotencyKey: formKey,
  version: versionField,
});
export type PortalRejectInput = z.input<typeof portalRejectSchema>;

export const PORTAL_PAGE_SIZE = 25;

/** The list's search parameters as they arrive in the URL; anything odd is dropped, never a 500. */
export function parsePortalListQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const q = searchText(one(params.q));
  const stateText = one(params.state);
  const state =
    /^\d{1,3}$/.test(stateText) && isChoice(caseStates, Number(stateText)) ? Number(stateText) : null;
  const pageNumber = Number(one(params.page));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100_000 ? pageNumber : 1;
  return { q, state, page };
}
export type PortalListQuery = ReturnType<typeof parsePortalListQuery>;
