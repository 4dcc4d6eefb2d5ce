import "server-only";
import { transaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { conflict, invalid } from "@/lib/domain/errors";
import { parseRequestKey, recordId } from "@/lib/domain/validation";
import { MENU_ITEM } from "@/lib/domain/cases/menu";
import { ChangeState, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { auditCreation, writeAudit } from "../audit/write";
import { nextNumber } from "../records/numbers";
import { CLICK_MADE, madeByClick } from "../case-store/click-key";
import { caseForMenuItem, noteBy } from "../case-store/menu-guard";
import type { CaseRow } from "../case-store/row";
import { lockRows } from "../tables/row-locks";

// ITSM-1: Create Problem, Create Normal Change, Create Standard Change and Create Request from a
// case. Each is one transaction: the record, its link on the case (one problem and one change per
// case, even when two agents click together — INC-2), audit rows and a work note with the number.

/** Fills the case's problem or change slot only if it is still empty. */
async function fillSlot(
  tx: Tx,
  actor: Actor,
  c: CaseRow,
  field: "problemId" | "changeId",
  id: number,
  what: string,
) {
  const { count } = await tx.case.updateMany({
    where: { id: c.id, [field]: null, state: { in: OPEN_CASE_STATES } },
    data: { [field]: id, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(`This case already has a ${what}.`, field);
  await writeAudit(tx, TABLE.case, c.id, [{ field, oldValue: null, newValue: String(id) }], actor);
}

async function recordCreated(
  tx: Tx,
  actor: Actor,
  c: CaseRow,
  table: string,
  row: { id: number; number: string } & Record<string, unknown>,
  label: string,
) {
  const { id, number } = row;
  await auditCreation(tx, table, row, actor);
  await noteBy(tx, actor, TABLE.case, c.id, `${label} ${number} created from this case.`, {
    table,
    id,
    number,
    event: `${table}:${id}:created`,
  });
  await noteBy(tx, actor, table, id, `Created from case ${c.number}.`, {
    table: TABLE.case,
    id: c.id,
    number: c.number,
    event: `case:${c.id}:created:${table}`,
  });
}

export async function createProblemFromCase(actor: Actor, caseNumber: string) {
  return transaction(async (tx) => {
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.createProblem);
    const problem = await tx.problem.create({
      data: {
        number: await nextNumber(tx, "problem"),
        shortDescription: c.shortDescription,
        description: c.description,
        impact: c.impact,
        urgency: c.urgency,
        priority: c.priority,
        companyId: c.accountId,
        assetId: c.assetId,
        firstReportedById: c.id,
        openedById: actor.id,
      },
    });
    await fillSlot(tx, actor, c, "problemId", problem.id, "problem");
    await recordCreated(tx, actor, c, TABLE.problem, problem, "Problem");
    return { caseNumber, number: problem.number };
  });
}

/** Normal change: copied from the case. Standard change: from an approved template only. */
export async function createChangeFromCase(
  actor: Actor,
  caseNumber: string,
  kind: { type: "normal" } | { type: "standard"; templateId: unknown },
) {
  return transaction(async (tx) => {
    const item = kind.type === "normal" ? MENU_ITEM.createNormalChange : MENU_ITEM.createStandardChange;
    const c = await caseForMenuItem(tx, actor, caseNumber, item);
    // After the permission and menu check: who may not create learns nothing from the input.
    const templateId = kind.type === "standard" ? recordId(kind.templateId) : null;
    if (kind.type === "standard" && templateId === null)
      throw invalid("templateId", "Pick a standard change template.");
    let data;
    if (templateId !== null) {
      // Held while the change is made: a template retired or unapproved meanwhile (its save waits) is
      // not used after that save said so.
      await lockRows(tx, "StandardChangeTemplate", [templateId], "SHARE");
      const t = await tx.standardChangeTemplate.findUnique({ where: { id: templateId } });
      if (!t) throw invalid("templateId", "Pick a standard change template from the list.");
      // An administrator retired it or withdrew its approval after the case page was opened.
      const reload = "reload the page for the current list.";
      if (!t.active) throw invalid("templateId", `The template "${t.name}" has been retired: ${reload}`);
      if (!t.approved) throw invalid("templateId", `The template "${t.name}" is not approved: ${reload}`);
      data = {
        type: "standard",
        templateId: t.id,
        shortDescription: t.shortDescription,
        description: t.description,
        impact: t.impact,
        urgency: t.urgency,
        priority: t.priority,
      };
    } else {
      data = {
        type: "normal",
        shortDescription: c.shortDescription,
        description: c.description,
        impact: c.impact,
        urgency: c.urgency,
        priority: c.priority,
        companyId: c.accountId,
        callerId: c.contactId ?? c.consumerId,
        assetId: c.assetId,
      };
    }
    const change = await tx.changeRequest.create({
      data: {
        ...data,
        number: await nextNumber(tx, "change"),
        state: ChangeState.New,
        requestedById: actor.id,
      },
    });
    await fillSlot(tx, actor, c, "changeId", change.id, "change request");
    await recordCreated(
      tx,
      actor,
      c,
      TABLE.change,
      change,
      kind.type === "standard" ? "Standard change" : "Normal change",
    );
    return { caseNumber, number: change.number };
  });
}

/** The request this click key already made from this case, or null (./click-key.ts). */
async function requestMadeBy(tx: Tx, requestKey: string | null, caseNumber: string) {
  if (!requestKey) return null;
  return madeByClick(await tx.request.findUnique({ where: { requestKey }, select: CLICK_MADE }), caseNumber);
}

/**
 * A case may have many requests (ITSM-1); each lists the case as its origin. The click's key
 * (REL-2) makes a double click or a retry return the first request: asked again under the case's
 * lock, which queues concurrent clicks. Without a key (a caller of its own) every call makes one.
 */
export async function createRequestFromCase(actor: Actor, caseNumber: string, rawKey?: unknown) {
  const requestKey = rawKey === undefined ? null : parseRequestKey(rawKey);
  return transaction(async (tx) => {
    const done = await requestMadeBy(tx, requestKey, caseNumber);
    if (done) return done;
    const c = await caseForMenuItem(tx, actor, caseNumber, MENU_ITEM.createRequest);
    const earlier = await requestMadeBy(tx, requestKey, caseNumber);
    if (earlier) return earlier;
    const request = await tx.request.create({
      data: {
        number: await nextNumber(tx, "request"),
        shortDescription: c.shortDescription,
        description: c.description,
        requestedForId: c.contactId ?? c.consumerId,
        caseId: c.id,
        openedById: actor.id,
        requestKey,
        items: { create: [{ name: c.shortDescription, quantity: 1 }] },
      },
    });
    await recordCreated(tx, actor, c, TABLE.request, request, "Request");
    return { caseNumber, number: request.number, created: true };
  });
}
