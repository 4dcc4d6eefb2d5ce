"use server";
import { redirect } from "next/navigation";
import { canWriteCases } from "@/lib/domain/auth/roles";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/action";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { createCase, runCaseAction, updateCase } from "@/lib/server/cases/write";
import type { ActionResult } from "@/lib/server/errors";

const casePath = (number: string) => `/cases/${number}`;

export async function createCaseAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction({
    name: "createCase",
    allow: canWriteCases,
    run: (actor) => createCase(actor, formObject(form)),
    revalidate: () => ["/cases"],
  });
  if (result.ok) redirect(casePath((result.data as { number: string }).number));
  return result;
}

export async function saveCaseAction(number: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "saveCase",
    allow: canWriteCases,
    run: (actor) => updateCase(actor, number, formObject(form)),
    revalidate: () => [casePath(number), "/cases"],
    success: (r) => (r.changed.length ? "Case saved." : "No changes to save."),
  });
}

export async function caseLifecycleAction(number: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "caseLifecycle",
    allow: canWriteCases,
    run: (actor) => runCaseAction(actor, number, formObject(form)),
    revalidate: () => [casePath(number), "/cases"],
  });
}

export async function postCaseJournalAction(number: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "postCaseJournal",
    allow: canWriteCases,
    run: (actor) => postCaseJournal(actor, number, formObject(form)),
    revalidate: () => [casePath(number)],
    success: (r) => (r.posted ? "Posted." : "Already posted."),
  });
}
