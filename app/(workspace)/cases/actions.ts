"use server";
import { redirect } from "next/navigation";
import { canLinkIncidents, canLinkItsm, canWriteCases, isMajorIssueManager } from "@/lib/domain/auth/roles";
import { formObject, formText, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { createCase, runCaseAction, updateCase } from "@/lib/server/cases/write";
import { associateIncident, createIncidentFromCase, removeIncident } from "@/lib/server/incidents/link";
import {
  createChangeFromCase,
  createProblemFromCase,
  createRequestFromCase,
} from "@/lib/server/cases/create-related";
import { setRelatedRecords } from "@/lib/server/cases/related-records";
import { addChildCase, removeChildCase } from "@/lib/server/major/children";
import { acceptMajorCase, proposeMajorCase, rejectMajorCase } from "@/lib/server/major/propose";
import type { ActionResult } from "@/lib/domain/action-result";
import { canCreateWorkOrders } from "@/lib/domain/work-orders/access";
import { createWorkOrderFromCase } from "@/lib/server/work-orders/create";

const casePath = (number: string) => `/cases/${number}`;

export async function createCaseAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction({
    name: "createCase",
    allow: canWriteCases,
    run: (actor) => createCase(actor, formObject(form)),
    revalidate: () => ["/cases"],
  });
  if (result.ok) redirect(casePath(result.data.number));
  return result;
}

export async function saveCaseAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "saveCase",
    allow: canWriteCases,
    run: (actor) => updateCase(actor, recordNumber(number), formObject(form)),
    revalidate: () => [casePath(number), "/cases"],
    success: (r) => (r.changed.length ? "Case saved." : "No changes to save."),
  });
}

export async function caseLifecycleAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "caseLifecycle",
    allow: canWriteCases,
    run: (actor) => runCaseAction(actor, recordNumber(number), formObject(form)),
    revalidate: () => [casePath(number), "/cases"],
  });
}

export async function postCaseJournalAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "postCaseJournal",
    allow: canWriteCases,
    run: (actor) => postCaseJournal(actor, recordNumber(number), formObject(form)),
    revalidate: () => [casePath(number)],
    success: (r) => (r.posted ? "Posted." : "Already posted."),
  });
}

// Additional actions: the incident items (INC-1 … INC-4). ROLE-1: sn_incident_write, checked here and in the service.

/** The actions' own role check; the service applies the exact rule for the case (MAJ-2 managers on major cases). */
const mayLinkIncidents = (a: Parameters<typeof canLinkIncidents>[0]) =>
  canLinkIncidents(a) || isMajorIssueManager(a);

export async function createIncidentAction(number: string): Promise<ActionResult> {
  return runAction({
    name: "createIncidentFromCase",
    allow: mayLinkIncidents,
    run: (actor) => createIncidentFromCase(actor, recordNumber(number)),
    revalidate: (r) => [casePath(number), `/incidents/${r.incidentNumber}`, "/incidents"],
    success: (r) => `Incident ${r.incidentNumber} created.`,
  });
}

export async function associateIncidentAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "associateIncident",
    allow: mayLinkIncidents,
    run: (actor) => associateIncident(actor, recordNumber(number), formText(form, "incident")),
    revalidate: (r) => [casePath(number), `/incidents/${r.incidentNumber}`],
    success: (r) => `Associated with ${r.incidentNumber}.`,
  });
}

/** INC-4: the form's `incident` is the number the confirmation named: another linked meanwhile stays. */
export async function removeIncidentAction(
  number: string,
  _p: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeIncident",
    allow: mayLinkIncidents,
    run: (actor) => removeIncident(actor, recordNumber(number), formObject(form).incident),
    revalidate: (r) => [casePath(number), `/incidents/${r.incidentNumber}`],
    success: (r) => `Incident ${r.incidentNumber} removed from this case.`,
  });
}

// Additional actions: problem, change and request items (ITSM-1), and the Related Records fields (ITSM-2).

const createdRecord = (number: string, what: string, path: string) => ({
  revalidate: (r: { number: string }) => [casePath(number), `${path}${r.number}`],
  success: (r: { number: string }) => `${what} ${r.number} created.`,
});

export async function createProblemAction(number: string): Promise<ActionResult> {
  return runAction({
    name: "createProblemFromCase",
    allow: canLinkItsm,
    run: (actor) => createProblemFromCase(actor, recordNumber(number)),
    ...createdRecord(number, "Problem", "/problems/"),
  });
}

/** ITSM-1: the form carries the click's request key (a double click or a retry sends the same one). */
export async function createRequestAction(
  number: string,
  _p: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createRequestFromCase",
    allow: canLinkItsm,
    run: (actor) => createRequestFromCase(actor, recordNumber(number), formObject(form).requestKey),
    revalidate: (r) => [casePath(number), `/requests/${r.number}`],
    success: (r) => `Request ${r.number} ${r.created ? "created" : "was already created"}.`,
  });
}

/** FSM-1: the form carries the click's request key (a double click sends the same one). */
export async function createWorkOrderAction(
  number: string,
  _p: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createWorkOrderFromCase",
    allow: canCreateWorkOrders,
    run: (actor) => createWorkOrderFromCase(actor, recordNumber(number), formObject(form).requestKey),
    revalidate: (r) => [casePath(r.caseNumber), "/work-orders"],
    success: (r) => `Work order ${r.number} ${r.created ? "created" : "was already created"}.`,
  });
}

export async function createNormalChangeAction(number: string): Promise<ActionResult> {
  return runAction({
    name: "createNormalChange",
    allow: canLinkItsm,
    run: (actor) => createChangeFromCase(actor, recordNumber(number), { type: "normal" }),
    ...createdRecord(number, "Change", "/changes/"),
  });
}

export async function createStandardChangeAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createStandardChange",
    allow: canLinkItsm,
    run: (actor) =>
      createChangeFromCase(actor, recordNumber(number), {
        type: "standard",
        templateId: formText(form, "templateId"),
      }),
    ...createdRecord(number, "Change", "/changes/"),
  });
}

export async function saveRelatedRecordsAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "saveRelatedRecords",
    allow: (a) => canLinkItsm(a) || mayLinkIncidents(a),
    run: (actor) => setRelatedRecords(actor, recordNumber(number), formObject(form)),
    revalidate: () => [casePath(number)],
    success: (r) =>
      r.changed ? "Related records saved." : "Nothing changed: pick a record from a field's list to link it.",
  });
}

// Major cases (MAJ-1, MAJ-2): propose (agents), accept / reject and children (major issue managers).

export async function proposeMajorCaseAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "proposeMajorCase",
    allow: canWriteCases,
    run: (actor) =>
      proposeMajorCase(actor, recordNumber(number), {
        workNotes: formText(form, "workNotes"),
        businessImpact: formText(form, "businessImpact"),
      }),
    revalidate: () => [casePath(number), "/major-cases"],
    success: () => "Proposed as a major case; the major issue managers have been told.",
  });
}

export async function acceptMajorCaseAction(number: string): Promise<ActionResult> {
  const result = await runAction({
    name: "acceptMajorCase",
    allow: isMajorIssueManager,
    run: (actor) => acceptMajorCase(actor, recordNumber(number)),
    revalidate: (r) => [casePath(number), casePath(r.major), "/major-cases"],
  });
  if (result.ok) redirect(casePath(result.data.major));
  return result;
}

export async function rejectMajorCaseAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "rejectMajorCase",
    allow: isMajorIssueManager,
    run: (actor) => rejectMajorCase(actor, recordNumber(number), formText(form, "reason")),
    revalidate: () => [casePath(number), "/major-cases"],
    success: () => "Proposal rejected.",
  });
}

export async function addChildCaseAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "addChildCase",
    allow: isMajorIssueManager,
    run: (actor) => addChildCase(actor, recordNumber(number), formText(form, "child")),
    revalidate: (r) => [casePath(number), casePath(r.child)],
    success: (r) => `${r.child} added.`,
  });
}

export async function removeChildCaseAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeChildCase",
    allow: isMajorIssueManager,
    run: (actor) => removeChildCase(actor, recordNumber(number), formText(form, "child")),
    revalidate: (r) => [casePath(number), casePath(r.child)],
    success: (r) => `${r.child} removed.`,
  });
}
