// ADM-1: the input of /admin/properties (the service parses it: lib/server/properties/admin.ts).
import { z } from "zod";
import { formNumber, MAX_INT, plainText, type FormInput } from "../validation";

export const propertySaveSchema = z.object({
  name: z.string({ error: "Property is required." }).min(1, "Property is required.").max(200),
  value: plainText("Value").max(4000, "Value must be at most 4,000 characters.").default(""),
  // 0 for a property nobody saved yet.
  version: formNumber(
    z.number({ error: "The form's version is not valid; reload the page." }).int().min(0).max(MAX_INT),
  ),
});
export type PropertySaveInput = FormInput<typeof propertySaveSchema>;
