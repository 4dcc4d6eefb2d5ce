// Validation of case input from forms and the API (REL-1).
import { z } from "zod";
import {
  caseChannels,
  casePriorities,
  caseResolutionCodes,
  caseStates,
  impacts,
  isChoice,
  urgencies,
} from "../records/choices";
import {
  formKey,
  formNumber,
  searchText,
  LIMITS,
  MAX_INT,
  numberChoice,
  optionalId,
  optionalStringChoice,
  optionalText,
  requiredText,
  stringChoice,
  versionField,
} from "../validation";

/**
 * MAJ-5: the manager confirmed that the change may update the major case's children — the question
 * they were shown (the workspace's Confirm sends it back: a different question is asked again), or
 * `true` for whatever is asked (the Table API's sysparm_confirm_children). Nothing else confirms.
 */
const confirmField = z
  .preprocess(
    // A bare "1" or "true" (a page from before questions were sent back) is a question that
    // differs, so it is asked again — never a yes to whatever is asked now.
    (v) => (v === true ? true : typeof v === "string" && v.trim() ? v : undefined),
    z.union([z.literal(true), z.string().max(2_000)]).optional(),
  )
  .optional();

const references = {
  accountId: optionalId("Account"),
  contactId: optionalId("Contact"),
  consumerId: optionalId("Consumer"),
  assetId: optionalId("Asset"),
  partnerId: optionalId("Partner"),
  partnerContactId: optionalId("Partner contact"),
  assignmentGroupId: optionalId("Assignment group"),
  assignedToId: optionalId("Assigned to"),
};

export const newCaseSchema = z.object({
  shortDescription: requiredText("Short description", LIMITS.shortDescription),
  description: optionalText("Description", LIMITS.description).default(""),
  priority: numberChoice("Priority", casePriorities).default(4),
  impact: numberChoice("Impact", impacts).default(3),
  urgency: numberChoice("Urgency", urgencies).default(3),
  channel: stringChoice("Channel", caseChannels).default("phone"),
  ...references,
  /** REL-2: the New case form's key; a resubmitted form gets its case back (none from the Table API). */
  requestKey: formKey.optional(),
});
export type NewCaseInput = z.input<typeof newCaseSchema>;

/** A save of the case form: any subset of fields, plus the version the editor loaded (REC-6). */
export const caseUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: numberChoice("State", caseStates),
    priority: numberChoice("Priority", casePriorities),
    impact: numberChoice("Impact", impacts),
    urgency: numberChoice("Urgency", urgencies),
    channel: stringChoice("Channel", caseChannels),
    resolutionCode: optionalStringChoice("Resolution code", caseResolutionCodes),
    resolutionNotes: optionalText("Resolution notes", LIMITS.notes),
    ...references,
  })
  .partial()
  .extend({ version: versionField, confirmChildren: confirmField });
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;

export const caseActionSchema = z.object({
  action: z.enum(["accept", "request_info", "propose_solution", "close", "cancel", "reopen"], {
    error: "Unknown case action.",
  }),
  version: versionField,
  resolutionCode: optionalStringChoice("Resolution code", caseResolutionCodes).optional(),
  resolutionNotes: optionalText("Resolution notes", LIMITS.notes).optional(),
  /** NOT-1: Request Info's question to the customer (an additional comment and the email's text). */
  question: optionalText("Question", LIMITS.notes).optional(),
  confirmChildren: confirmField,
});
export type CaseActionInput = z.input<typeof caseActionSchema>;

export const journalPostSchema = z.object({
  workNotes: optionalText("Work notes", 10_000).default(""),
  comments: optionalText("Additional comments", 10_000).default(""),
  idempotencyKey: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w-]*$/, "Invalid form key; reload the page.")
    .optional(),
  confirmChildren: confirmField,
});
export type JournalPostInput = z.input<typeof journalPostSchema>;

/** A filter's record id in the list's URL: decimal digits only (anything else drops the filter). */
const listId = formNumber(z.number().int().positive().max(MAX_INT));

export const caseListSchema = z.object({
  // A longer text keeps its first 100 characters rather than dropping the filter (searchText).
  q: z.string().transform(searchText).optional().catch(undefined),
  // A state of the list's choices, open or all; anything else (a number past the column's range on
  // PostgreSQL was a 500) drops the filter.
  state: z
    .string()
    .refine((v) => v === "open" || v === "all" || (/^\d{1,3}$/.test(v) && isChoice(caseStates, Number(v))))
    .optional()
    .catch(undefined),
  priority: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  account: listId.optional().catch(undefined),
  assignedTo: z
    .union([z.literal("me"), z.literal("none"), listId])
    .optional()
    .catch(undefined),
  // WRK-4: assignment group (one, none, or any of mine), my queue, customer replied, proactive.
  group: z
    .union([z.literal("mine"), z.literal("none"), listId])
    .optional()
    .catch(undefined),
  queue: z.literal("mine").optional().catch(undefined),
  replied: z.literal("1").optional().catch(undefined),
  // WRK-2: needs attention — a customer replied, or an SLA is about to breach or breached.
  attention: z.literal("1").optional().catch(undefined),
  proactive: z.enum(["1", "0"]).optional().catch(undefined),
  // NOT-5: cases whose earliest running SLA is breached, due within the hour, or any running — a
  // breach kept while paused (Awaiting Info) counts as breached.
  sla: z.enum(["breached", "soon", "any"]).optional().catch(undefined),
  sort: z
    .enum([
      "number",
      "-number",
      "updated",
      "-updated",
      "priority",
      "-priority",
      "state",
      "-state",
      "short_description",
      "-short_description",
      "account",
      "-account",
      "contact",
      "-contact",
      "assigned_to",
      "-assigned_to",
      "group",
      "-group",
      "sla",
      "-sla",
    ])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type CaseListParams = z.output<typeof caseListSchema>;

/** A case's Related Records: each field a record number of its type, or empty (ITSM-2). */
const recordNumber = (label: string, prefix: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .max(20)
    .refine((v) => v === "" || new RegExp(`^${prefix}\\d{7,}$`).test(v), {
      error: `${label} must be a ${prefix} number, or empty.`,
    })
    .optional();

export const relatedRecordsSchema = z.object({
  version: versionField,
  incident: recordNumber("Incident", "INC"),
  problem: recordNumber("Problem", "PRB"),
  change: recordNumber("Change Request", "CHG"),
  causedBy: recordNumber("Caused by Change", "CHG"),
});
export type RelatedRecordsInput = z.input<typeof relatedRecordsSchema>;
