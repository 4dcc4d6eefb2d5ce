import "server-only";
import { transaction } from "@/lib/db";
import { canWriteIncidents, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { requireIncident } from "./persist";

/** The incident composer: work notes and additional comments. */
export async function postIncidentJournal(actor: Actor, number: string, raw: JournalPostInput) {
  if (!canWriteIncidents(actor)) throw forbidden("Only ITIL fulfillers can write on incidents.");
  const input = parseOrThrow(journalPostSchema, raw);
  return transaction(async (tx) => {
    const current = await requireIncident(tx, number);
    const posted = await postEntries(tx, { table: TABLE.incident, recordId: current.id }, input, actor);
    return { number, posted: posted.length };
  });
}
