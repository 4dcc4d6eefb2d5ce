"use server";
import { canWriteIncidents } from "@/lib/domain/auth/roles";
import type { AffectedAccountInput } from "@/lib/domain/proactive/schemas";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { addAffectedAccount, removeAffectedAccount } from "@/lib/server/proactive/accounts";
import { createProactiveCases } from "@/lib/server/proactive/create";

const incidentPath = (number: string) => `/incidents/${number}`;
const accountOf = (form: FormData) => formObject<AffectedAccountInput>(form);

/** PRO-1: "Add affected account" on the incident form. */
export async function addAffectedAccountAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "addAffectedAccount",
    allow: canWriteIncidents,
    run: (actor) => addAffectedAccount(actor, recordNumber(number), accountOf(form)),
    revalidate: () => [incidentPath(number)],
    success: (r) => (r.added ? `${r.name} added.` : `${r.name} is already an affected account.`),
  });
}

/** PRO-1: the Remove button of an affected account row. */
export async function removeAffectedAccountAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeAffectedAccount",
    allow: canWriteIncidents,
    run: (actor) => removeAffectedAccount(actor, recordNumber(number), accountOf(form)),
    revalidate: () => [incidentPath(number)],
    success: (r) => (r.removed ? `${r.name} removed.` : `${r.name} was not an affected account.`),
  });
}

/** PRO-1: Create Proactive Cases; the answer gives the counts. */
export async function createProactiveCasesAction(number: string): Promise<ActionResult> {
  return runAction({
    name: "createProactiveCases",
    allow: canWriteIncidents,
    run: (actor) => createProactiveCases(actor, recordNumber(number)),
    revalidate: () => [incidentPath(number), "/cases"],
    success: (r) => r.message,
  });
}
