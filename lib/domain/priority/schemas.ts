// INC-5 / ADM-2: the input of /admin/priority-lookup (parsed by lib/server/priority/admin.ts).
import { z } from "zod";
import { incidentPriorities } from "../records/choices";
import { formNumber, MAX_INT, numberChoice, versionField, type FormInput } from "../validation";

/** A row id from a form: anything but a row's id is "Unknown row.". */
export const rowId = formNumber(
  z
    .number({ error: "Unknown row." })
    .int("Unknown row.")
    .positive("Unknown row.")
    .max(MAX_INT, "Unknown row."),
);

/** A row's place in its list (the first matching row wins). */
export const rowOrder = formNumber(
  z
    .number({ error: "Order must be a whole number." })
    .int("Order must be a whole number.")
    .min(0, "Order must be 0 or more.")
    .max(1_000_000, "Order is too large."),
);

export const lookupRowSchema = z.object({
  id: rowId,
  version: versionField,
  priority: numberChoice("Priority", incidentPriorities),
  order: rowOrder,
});
export type LookupRowInput = FormInput<typeof lookupRowSchema>;
