import { z } from "zod";
import { requestStates } from "../../records/choices";
import { LIMITS, optionalText, requiredText, stringChoice, versionField } from "../../validation";

export const requestUpdateSchema = z
  .object({
    shortDescription: requiredText("Short description", LIMITS.shortDescription),
    description: optionalText("Description", LIMITS.description),
    state: stringChoice("Request state", requestStates),
  })
  .partial()
  .extend({ version: versionField });
export type RequestUpdateInput = z.input<typeof requestUpdateSchema>;
