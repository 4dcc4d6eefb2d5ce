import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { conflict, forbidden } from "@/lib/domain/errors";
import { MENU_ITEM, menuRefusal, type MenuItem } from "@/lib/domain/cases/menu";
import { appendJournal } from "../journal/write";
import { activePlugins } from "../plugins/read";
import { requireLockedCase, type CaseRow } from "./row";

/** The number of the record already in the slot a create item fills, for the refusal message. */
async function existing(tx: Tx, c: CaseRow, item: MenuItem): Promise<string | null> {
  if (item === MENU_ITEM.createIncident || item === MENU_ITEM.associateIncident) {
    return c.incidentId
      ? ((await tx.incident.findUnique({ where: { id: c.incidentId }, select: { number: true } }))?.number ??
          null)
      : null;
  }
  if (item === MENU_ITEM.createProblem)
    return c.problemId
      ? ((await tx.problem.findUnique({ where: { id: c.problemId }, select: { number: true } }))?.number ??
          null)
      : null;
  if (item === MENU_ITEM.createNormalChange || item === MENU_ITEM.createStandardChange) {
    return c.changeId
      ? ((await tx.changeRequest.findUnique({ where: { id: c.changeId }, select: { number: true } }))
          ?.number ?? null)
      : null;
  }
  return null;
}

/**
 * The case field a create or associate item fills: a taken slot's conflict names it (API-3: the
 * Table API says `incident`, `problem`, `rfc`).
 */
function slotOf(item: MenuItem): "incidentId" | "problemId" | "changeId" | undefined {
  if (item === MENU_ITEM.createIncident || item === MENU_ITEM.associateIncident) return "incidentId";
  if (item === MENU_ITEM.createProblem) return "problemId";
  if (item === MENU_ITEM.createNormalChange || item === MENU_ITEM.createStandardChange) return "changeId";
  return undefined;
}

/**
 * The case, with the Additional actions item checked exactly as the menu shows it (INC-2,
 * ROLE-1, ITSM-1, ITSM-5, MAJ-3). A slot already taken is a conflict; anything else forbidden.
 */
export async function caseForMenuItem(
  tx: Tx,
  actor: Actor,
  caseNumber: string,
  item: MenuItem,
): Promise<CaseRow> {
  const c = await requireLockedCase(tx, caseNumber);
  const refusal = menuRefusal(actor, c, await activePlugins(tx), item, await existing(tx, c, item));
  if (refusal)
    throw refusal.startsWith("This case already has") ? conflict(refusal, slotOf(item)) : forbidden(refusal);
  return c;
}

/** A work note by the acting person, linked to the record it is about (JRN-2). */
export function noteBy(
  tx: Tx,
  actor: Actor,
  table: string,
  recordId: number,
  body: string,
  source?: { table: string; id: number; number: string; event: string },
) {
  return appendJournal(tx, {
    table,
    recordId,
    kind: "work_notes",
    body,
    author: { id: actor.id, name: actor.name },
    source: source && { table: source.table, id: source.id, number: source.number, eventKey: source.event },
  });
}
