import { z } from "zod";
import { invalid } from "../../errors";
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

type PlannedWindow = { plannedStart?: Date | null; plannedEnd?: Date | null };

/**
 * REL-1: the planned window as it will be saved — the stored end or start where the input leaves one
 * out (a Table API PATCH of the end alone) — ends after it starts; the schema checks only both given.
 */
export function assertPlannedWindow(current: PlannedWindow, input: PlannedWindow) {
  // A save that sends neither date leaves the window as it is (a state change of a change saved
  // before this check with its end first is not refused for dates nobody sent).
  if (input.plannedStart === undefined && input.plannedEnd === undefined) return;
  const start = input.plannedStart === undefined ? current.plannedStart : input.plannedStart;
  const end = input.plannedEnd === undefined ? current.plannedEnd : input.plannedEnd;
  if (!start || !end || end >= start) return;
  // The field that was sent: the start alone is refused as the start.
  if (input.plannedEnd === undefined)
    throw invalid("plannedStart", "Planned start must be before planned end.");
  throw invalid("plannedEnd", "Planned end must be after planned start.");
}
