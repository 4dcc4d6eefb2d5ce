import "server-only";
import { db, takeTurns, transaction } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound, staleRecord } from "@/lib/domain/errors";
import { uncoveredCasePriorities } from "@/lib/domain/priority/lookup";
import { casePriorities, labelOf } from "@/lib/domain/records/choices";
import { lookupRowSchema, type LookupRowInput } from "@/lib/domain/priority/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { writeAudit } from "../audit/write";
import { LOCK } from "../locks";

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can edit the Priority Data Lookup.");
}

/** ADM-2: the Priority Data Lookup rows, in order. */
export async function listLookup(actor: Actor) {
  assertAdmin(actor);
  return db().priorityLookup.findMany({ orderBy: [{ order: "asc" }, { impact: "asc" }, { urgency: "asc" }] });
}

/**
 * INC-5: an admin changes a row's priority or its order (which decides the "first" matching row);
 * the input is parsed here (lib/domain/priority/schemas.ts).
 */
export async function updateLookupRow(actor: Actor, raw: LookupRowInput) {
  assertAdmin(actor);
  const { id, ...input } = parseOrThrow(lookupRowSchema, raw);
  return transaction(async (tx) => {
    // Each save checks that every case priority keeps a row: two saves at once (PostgreSQL) each saw
    // the other's row unchanged and together took a priority's last rows away. They take turns.
    await takeTurns(tx, LOCK.priorityLookup);
    const row = await tx.priorityLookup.findUnique({ where: { id } });
    if (!row) throw notFound("That lookup row");
    if (row.version !== input.version) throw staleRecord("lookup row");
    const { count } = await tx.priorityLookup.updateMany({
      where: { id, version: input.version },
      data: { priority: input.priority, order: input.order, version: { increment: 1 } },
    });
    if (count !== 1) throw staleRecord("lookup row");
    const after = await tx.priorityLookup.findMany({
      select: { impact: true, urgency: true, priority: true, order: true },
    });
    const [uncovered] = uncoveredCasePriorities(
      after,
      casePriorities.map((p) => p.value),
    );
    if (uncovered !== undefined)
      throw invalid(
        "priority",
        `No row would give priority ${labelOf(casePriorities, uncovered)} any more: an incident created ` +
          "from such a case needs one to take its impact and urgency from. Change another row to it first.",
      );
    const changes = [
      ...(row.priority !== input.priority
        ? [{ field: "priority", oldValue: String(row.priority), newValue: String(input.priority) }]
        : []),
      ...(row.order !== input.order
        ? [{ field: "order", oldValue: String(row.order), newValue: String(input.order) }]
        : []),
    ];
    await writeAudit(tx, "dl_u_priority", id, changes, actor);
    return { id, changed: changes.length > 0 };
  });
}
