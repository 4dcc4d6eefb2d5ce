"use server";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/domain/action-result";
import { isPortalUser } from "@/lib/domain/portal/access";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { acceptSolution, rejectSolution, replyOnPortal } from "@/lib/server/portal/answers";
import { createPortalCase } from "@/lib/server/portal/new-case";

// The portal's actions (POR-1): thin adapters; each checks the caller is an external user with a
// portal role (ROLE-2), and the services resolve every case number through the external scope.

const casePath = (number: string) => `/portal/cases/${number}`;
const paths = (number: string) => [casePath(number), "/portal"];

export async function createPortalCaseAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction({
    name: "createPortalCase",
    allow: isPortalUser,
    run: (actor) => createPortalCase(actor, formObject(form)),
    revalidate: () => ["/portal"],
  });
  if (result.ok) redirect(casePath(result.data.number));
  return result;
}

export async function portalReplyAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "portalReply",
    allow: isPortalUser,
    run: (actor) => replyOnPortal(actor, recordNumber(number, "Case"), formObject(form)),
    revalidate: (r) => paths(r.number),
    success: (r) => (r.posted ? "Reply sent." : "Already sent."),
  });
}

export async function acceptSolutionAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "acceptSolution",
    allow: isPortalUser,
    run: (actor) => acceptSolution(actor, recordNumber(number, "Case"), formObject(form)),
    revalidate: (r) => paths(r.number),
    success: () => "Solution accepted; the case is closed.",
  });
}

export async function rejectSolutionAction(
  number: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "rejectSolution",
    allow: isPortalUser,
    run: (actor) => rejectSolution(actor, recordNumber(number, "Case"), formObject(form)),
    revalidate: (r) => paths(r.number),
    success: () => "Solution rejected; the case is open again.",
  });
}
