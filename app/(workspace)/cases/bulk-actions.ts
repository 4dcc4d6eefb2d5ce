"use server";
import { canWriteCases } from "@/lib/domain/auth/roles";
import type { ActionResult } from "@/lib/domain/action-result";
import { bulkSummary, type BulkCaseInput } from "@/lib/domain/cases/bulk";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { bulkUpdateCases } from "@/lib/server/cases/bulk";

/**
 * WRK-4 bulk actions from the case list (fields: cases as "number:version" pairs, and any of
 * assignmentGroupId, assignedToId, priority, state, resolutionCode, resolutionNotes).
 */
export async function bulkUpdateCasesAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "bulkUpdateCases",
    allow: canWriteCases,
    run: (actor) => bulkUpdateCases(actor, formObject<BulkCaseInput>(form)),
    revalidate: () => ["/cases", "/my-work"],
    success: bulkSummary,
  });
}
