"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import { incidentPriorities } from "@/lib/domain/records/choices";
import {
  formNumber,
  formObject,
  MAX_INT,
  numberChoice,
  parseOrThrow,
  versionField,
} from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { updateLookupRow } from "@/lib/server/priority/admin";

const schema = z.object({
  id: formNumber(
    z
      .number({ error: "Unknown row." })
      .int("Unknown row.")
      .positive("Unknown row.")
      .max(MAX_INT, "Unknown row."),
  ),
  version: versionField,
  priority: numberChoice("Priority", incidentPriorities),
  order: formNumber(
    z
      .number({ error: "Order must be a whole number." })
      .int("Order must be a whole number.")
      .min(0, "Order must be 0 or more.")
      .max(1_000_000, "Order is too large."),
  ),
});

export async function saveLookupRowAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveLookupRow",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(schema, formObject(form));
      return updateLookupRow(actor, input.id, input);
    },
    revalidate: () => ["/admin/priority-lookup"],
    success: (r) => (r.changed ? "Saved." : "No change."),
  });
}
