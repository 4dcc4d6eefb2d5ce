import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import { canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { commentEvents } from "@/lib/domain/sync/events";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { notifyIncidentEvent } from "../notifications/incident";
import { runSync } from "../sync/run";
import { requireIncident } from "./persist";

/**
 * The incident composer: work notes and additional comments. A new additional comment reaches
 * the work notes of every linked case (INC-6) and the caller (INC-7), in the same transaction.
 */
export async function postIncidentJournal(actor: Actor, number: string, raw: JournalPostInput, outer?: Tx) {
  if (!canWriteIncidents(actor)) throw forbidden("Only ITIL fulfillers can write on incidents.");
  const input = parseOrThrow(journalPostSchema, raw);
  const result = await inTransaction(outer, async (tx) => {
    const current = await requireIncident(tx, number);
    const posted = await postEntries(tx, { table: TABLE.incident, recordId: current.id }, input, actor);
    for (const event of commentEvents(
      { table: TABLE.incident, id: current.id, number },
      posted,
      actor.name,
    )) {
      await runSync(tx, event);
      await notifyIncidentEvent(tx, current, event);
    }
    return { number, posted: posted.length };
  });
  return result;
}
