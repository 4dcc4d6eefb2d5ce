// SYNC-1: the input of /admin/business-rules (the service parses it: lib/server/sync/admin.ts).
import { z } from "zod";
import { booleanText, type FormInput } from "../validation";

export const ruleActiveSchema = z.object({
  table: z.string({ error: "Table is required." }).min(1, "Table is required.").max(80),
  name: z.string({ error: "Rule is required." }).min(1, "Rule is required.").max(200),
  active: booleanText("Active"),
});
export type RuleActiveInput = FormInput<typeof ruleActiveSchema>;
