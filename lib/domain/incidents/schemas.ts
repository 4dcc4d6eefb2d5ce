import { z } from "zod";
import {
  impacts,
  incidentResolutionCodes,
  incidentStates,
  isChoice,
  onHoldReasons,
  urgencies,
} from "../records/choices";
import {
  formKey,
  searchText,
  LIMITS,
  numberChoice,
  optionalId,
  optionalNumberChoice,
  optionalStringChoice,
  optionalText,
  requiredText,
  versionField,
} from "../validation";

export const newIncidentSchema = z.object({
  shortDescription: requiredText("Short description", LIMITS.shortDescription),
  description: optionalText("Description", LIMITS.description).default(""),
  impact: numberChoice("Impact", impacts).default(3),
  urgency: numberChoice("Urgency", urgencies).default(3),
  callerId: optionalId("Caller"),
  companyId: optionalId("Company"),
  assignmentGroupId: optionalId("Assignment group"),
  assignedToId: optionalId("Assigned to"),
  /** REL-2: the New incident form's key: a resubmission answers the incident the first made. */
  requestKey: formKey.optional(),
});
export type NewIncidentInput = z.input<typeof newIncidentSchema>;
export type NewIncident = z.output<typeof newIncidentSchema>;

/** INC-8: what the fulfiller changes on the incident form. */
export const incidentUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: numberChoice("State", incidentStates),
    onHoldReason: optionalNumberChoice("On hold reason", onHoldReasons),
    impact: numberChoice("Impact", impacts),
    urgency: numberChoice("Urgency", urgencies),
    resolutionCode: optionalStringChoice("Resolution code", incidentResolutionCodes),
    resolutionNotes: optionalText("Resolution notes", LIMITS.notes),
    assignmentGroupId: optionalId("Assignment group"),
    assignedToId: optionalId("Assigned to"),
  })
  .partial()
  .extend({ version: versionField });
export type IncidentUpdateInput = z.input<typeof incidentUpdateSchema>;

export const incidentListSchema = z.object({
  // A longer text keeps its first 100 characters rather than dropping the filter (searchText).
  q: z.string().transform(searchText).optional().catch(undefined),
  // A state of the list's choices, open or all; anything else (a number past the column's range on
  // PostgreSQL was a 500) drops the filter.
  state: z
    .string()
    .refine(
      (v) => v === "open" || v === "all" || (/^\d{1,3}$/.test(v) && isChoice(incidentStates, Number(v))),
    )
    .optional()
    .catch(undefined),
  priority: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
