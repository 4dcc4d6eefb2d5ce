import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import { canWriteCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid } from "@/lib/domain/errors";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { commentWithId } from "../tables/outbox-message";
import { queueCommentEmails } from "../email/customer-comments";
import { postEntries } from "../journal/post";
import { copyJournalToChildren } from "../major/sync-children";
import { runAgentCommentFollowUps } from "../follow-ups/agent-comment";
import { requireLockedCase } from "../case-store/row";

/**
 * The case composer: Work notes and/or Additional comments by a person.
 *
 * SPEC §1: a Closed or Cancelled case cannot be changed, so a person's entry is refused there
 * (naming the composer field that carried it; nothing is written). Notes written by the system
 * are not refused: a sync note (SYNC-4, lib/server/sync/fan-out.ts) records what happened to a
 * linked record, reaches every case linked to it, and changes no field of the case — an agent who
 * reopens the history of a closed case still sees what its incident did afterwards.
 */
export async function postCaseJournal(actor: Actor, number: string, raw: JournalPostInput, outer?: Tx) {
  if (!canWriteCases(actor)) throw forbidden("Only customer service agents and managers can write on cases.");
  const input = parseOrThrow(journalPostSchema, raw);
  const result = await inTransaction(outer, async (tx) => {
    // Locked: a close committing meanwhile is seen here, not after the entry is written.
    const current = await requireLockedCase(tx, number);
    if (isCaseClosedForChanges(current.state)) {
      const field = input.workNotes.trim() ? "workNotes" : "comments";
      throw invalid(field, `This case is ${labelOf(caseStates, current.state)} and cannot be changed.`);
    }
    const posted = await postEntries(tx, { table: TABLE.case, recordId: current.id }, input, actor);
    // PRO-5 / REL-4: the customer is emailed the additional comment (never the work note).
    for (const e of posted.filter((p) => p.kind === "comments"))
      await queueCommentEmails(tx, commentWithId(e.id), e.body);
    // NOT-5: an agent's additional comment answers the customer: the response SLA is met.
    if (posted.some((p) => p.kind === "comments")) await runAgentCommentFollowUps(tx, [current.id]);
    await copyJournalToChildren(tx, actor, current, posted, input.confirmChildren); // MAJ-5
    return { number, posted: posted.length };
  });
  return result;
}
