"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { externalScope } from "@/lib/domain/scope/external";
import { formText, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { getRelatedRecord } from "@/lib/server/portal/related";

// POR-2 / POR-5: the customer-safe details of a record linked to a case, for the Related Records
// dialog and My Lists. A read, so it changes nothing; the service scopes it (POR-4: not found).

/** For customers, partners and consumers with a portal role; the service checks the scope again. */
const isPortalUser = (a: Parameters<typeof externalScope>[0]) => externalScope(a).length > 0;

export async function relatedRecordAction(caseNumber: string, _p: ActionResult | null, form: FormData) {
  return runAction({
    name: "relatedRecord",
    allow: isPortalUser,
    run: (actor) =>
      getRelatedRecord(
        actor,
        recordNumber(caseNumber, "Case"),
        recordNumber(formText(form, "record"), "Record"),
      ),
  });
}
