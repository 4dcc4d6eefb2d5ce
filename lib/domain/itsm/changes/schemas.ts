import { z } from "zod";
import { changeCloseCodes, changeStates, impacts, urgencies } from "../../records/choices";
import {
  LIMITS,
  numberChoice,
  optionalDate,
  optionalStringChoice,
  optionalText,
  requiredText,
  versionField,
} from "../../validation";

export const changeUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: numberChoice("State", changeStates),
    impact: numberChoice("Impact", impacts),
    urgency: numberChoice("Urgency", urgencies),
    plannedStart: optionalDate("Planned start"),
    plannedEnd: optionalDate("Planned end"),
    closeCode: optionalStringChoice("Close code", changeCloseCodes),
    closeNotes: optionalText("Close notes", LIMITS.notes),
  })
  .partial()
  .extend({ version: versionField })
  .refine((v) => !v.plannedStart || !v.plannedEnd || v.plannedEnd >= v.plannedStart, {
    path: ["plannedEnd"],
    error: "Planned end must be after planned start.",
  });
export type ChangeUpdateInput = z.input<typeof changeUpdateSchema>;
