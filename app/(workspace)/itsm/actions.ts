"use server";
import { canWriteItsm } from "@/lib/domain/auth/roles";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import type { ActionResult } from "@/lib/domain/action-result";
import { postItsmJournal } from "@/lib/server/itsm/journal";
import {
  CHANGE,
  PROBLEM,
  REQUEST,
  type ItsmInput,
  type ItsmRow,
  type ItsmSpec,
} from "@/lib/server/itsm/specs";
import { updateItsmRecord } from "@/lib/server/itsm/update";

// The problem, change and request forms (ITSM-3): save the form, post to the journal.

const save = <Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  number: string,
  form: FormData,
) =>
  runAction({
    name: `save ${spec.noun}`,
    allow: canWriteItsm,
    run: (actor) => updateItsmRecord(spec, actor, recordNumber(number), formObject(form)),
    revalidate: () => [spec.path + number],
    success: (r) => (r.changed.length ? `${spec.title} saved.` : "No changes to save."),
  });

const post = <Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  number: string,
  form: FormData,
) =>
  runAction({
    name: `post ${spec.noun} journal`,
    allow: canWriteItsm,
    run: (actor) => postItsmJournal(spec, actor, recordNumber(number), formObject(form)),
    revalidate: () => [spec.path + number],
    success: (r) => (r.posted ? "Posted." : "Already posted."),
  });

export async function saveProblemAction(number: string, _p: ActionResult | null, form: FormData) {
  return save(PROBLEM, number, form);
}
export async function saveChangeAction(number: string, _p: ActionResult | null, form: FormData) {
  return save(CHANGE, number, form);
}
export async function saveRequestAction(number: string, _p: ActionResult | null, form: FormData) {
  return save(REQUEST, number, form);
}
export async function postProblemJournalAction(number: string, _p: ActionResult | null, form: FormData) {
  return post(PROBLEM, number, form);
}
export async function postChangeJournalAction(number: string, _p: ActionResult | null, form: FormData) {
  return post(CHANGE, number, form);
}
export async function postRequestJournalAction(number: string, _p: ActionResult | null, form: FormData) {
  return post(REQUEST, number, form);
}
