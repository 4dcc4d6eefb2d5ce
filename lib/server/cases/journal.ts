import "server-only";
import { transaction } from "@/lib/db";
import { canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { copyJournalToChildren } from "../major/sync-children";
import { requireCase } from "./persist";

/** The case composer: Work notes and/or Additional comments. */
export async function postCaseJournal(actor: Actor, number: string, raw: JournalPostInput) {
  if (!canWriteCases(actor)) throw forbidden("Only customer service agents and managers can write on cases.");
  const input = parseOrThrow(journalPostSchema, raw);
  return transaction(async (tx) => {
    const current = await requireCase(tx, number);
    const posted = await postEntries(tx, { table: TABLE.case, recordId: current.id }, input, actor);
    await copyJournalToChildren(tx, actor, current, posted, !!input.confirmChildren); // MAJ-5
    return { number, posted: posted.length };
  });
}
