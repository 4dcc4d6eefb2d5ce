// ITSM-1: the input of /admin/change-templates, where an admin keeps the standard change templates
// Create Standard Change picks from (parsed by lib/server/itsm/templates.ts).
import { z } from "zod";
import { formNumber } from "../../form-numbers";
import { impacts, incidentPriorities, urgencies } from "../../records/choices";
import {
  booleanText,
  LIMITS,
  MAX_INT,
  numberChoice,
  optionalText,
  requiredLine,
  requiredText,
  versionField,
  type FormInput,
} from "../../validation";
import { nameKey } from "../../name-key";

/** Audit history table of standard change templates (ServiceNow's standard change template table). */
export const TEMPLATE_TABLE = "std_change_record_producer";

/**
 * A template's name as agents tell templates apart: trimmed, runs of white space as one space, NFKC,
 * lower case — "Restart web tier" and "restart  web tier" are one name (as groups' and accounts' are).
 */
export const templateNameKey = nameKey;

const unknown = "Unknown template.";
const templateId = formNumber(
  z.number({ error: unknown }).int(unknown).positive(unknown).max(MAX_INT, unknown),
);

/** What a template gives the change made from it, and whether agents may pick it. */
const templateFields = {
  name: requiredLine("Name", LIMITS.name),
  shortDescription: requiredText("Short description", LIMITS.shortDescription),
  description: optionalText("Description", LIMITS.description).default(""),
  impact: numberChoice("Impact", impacts),
  urgency: numberChoice("Urgency", urgencies),
  priority: numberChoice("Priority", incidentPriorities),
  approved: booleanText("Approved"),
};

export const templateAddSchema = z.object(templateFields);
export type TemplateAddInput = FormInput<typeof templateAddSchema>;

export const templateUpdateSchema = z.object({
  id: templateId,
  version: versionField,
  ...templateFields,
  active: booleanText("Active"),
});
export type TemplateUpdateInput = FormInput<typeof templateUpdateSchema>;
