"use server";
import { redirect } from "next/navigation";
import { canWriteIncidents } from "@/lib/domain/auth/roles";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { postIncidentJournal } from "@/lib/server/incidents/journal";
import { createIncident, updateIncident } from "@/lib/server/incidents/write";

const incidentPath = (number: string) => `/incidents/${number}`;

export async function createIncidentAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction({
    name: "createIncident",
    allow: canWriteIncidents,
    run: (actor) => createIncident(actor, formObject(form)),
    revalidate: () => ["/incidents"],
  });
  if (result.ok) redirect(incidentPath(result.data.number));
  return result;
}

export async function saveIncidentAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "saveIncident",
    allow: canWriteIncidents,
    run: (actor) => updateIncident(actor, recordNumber(number), formObject(form)),
    revalidate: () => [incidentPath(number), "/incidents"],
    success: (r) => (r.changed.length ? "Incident saved." : "No changes to save."),
  });
}

export async function postIncidentJournalAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "postIncidentJournal",
    allow: canWriteIncidents,
    run: (actor) => postIncidentJournal(actor, recordNumber(number), formObject(form)),
    revalidate: () => [incidentPath(number)],
    success: (r) => (r.posted ? "Posted." : "Already posted."),
  });
}
