import "server-only";
import { transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { assertFieldService, requireLockedWorkOrder } from "./guard";
import { assertCanWork } from "./update";

/**
 * Work notes on a work order (FSM-3). Additional comments are not offered: the customer follows
 * the work order in the portal through its state and appointments, not a second conversation.
 */
export async function postWorkOrderJournal(actor: Actor, number: string, raw: JournalPostInput) {
  assertCanWork(actor);
  const input = parseOrThrow(journalPostSchema, raw);
  return transaction(async (tx) => {
    await assertFieldService(tx);
    const order = await requireLockedWorkOrder(tx, number);
    const posted = await postEntries(tx, { table: TABLE.workOrder, recordId: order.id }, input, actor, {
      workNotes: true,
      comments: false,
    });
    return { number, posted: posted.length };
  });
}
