// PRO-1: the input of the incident's affected-account controls (parsed by lib/server/proactive).
import { z } from "zod";
import { optionalId, type FormInput } from "../validation";

export const affectedAccountSchema = z.object({
  accountId: optionalId("Account")
    .refine((v) => v !== null && v !== undefined, "Pick an account to add.")
    .transform((v) => Number(v)),
});
export type AffectedAccountInput = FormInput<typeof affectedAccountSchema>;
