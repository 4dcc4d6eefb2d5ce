import { z } from "zod";
import { impacts, problemResolutionCodes, problemStates, urgencies } from "../../records/choices";
import {
  LIMITS,
  numberChoice,
  optionalStringChoice,
  optionalText,
  requiredText,
  versionField,
} from "../../validation";

export const problemUpdateSchema = z
  .object({
    shortDescription: requiredText("Problem statement", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: numberChoice("State", problemStates),
    impact: numberChoice("Impact", impacts),
    urgency: numberChoice("Urgency", urgencies),
    workaround: optionalText("Workaround", LIMITS.notes),
    causeNotes: optionalText("Cause notes", LIMITS.notes),
    fixNotes: optionalText("Fix notes", LIMITS.notes),
    resolutionCode: optionalStringChoice("Resolution code", problemResolutionCodes),
    resolutionNotes: optionalText("Resolution notes", LIMITS.notes),
  })
  .partial()
  .extend({ version: versionField });
export type ProblemUpdateInput = z.input<typeof problemUpdateSchema>;
