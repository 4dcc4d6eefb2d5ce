import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { invalid } from "@/lib/domain/errors";
import { TABLE } from "@/lib/domain/records/tables";
import { parseOrThrow } from "@/lib/domain/validation";
import { isOpenWorkOrder } from "@/lib/domain/work-orders/lifecycle";
import { postEntries } from "../journal/post";
import { assertFieldService, requireLockedWorkOrder } from "./guard";
import { assertCanSchedule } from "./update";

/**
 * Work notes on a work order (FSM-3), by its fulfillers and by agents and managers (FSM-5).
 * Additional comments are not offered: the customer follows the work order in the portal through
 * its state and appointments, not a second conversation.
 */
export async function postWorkOrderJournal(actor: Actor, number: string, raw: JournalPostInput, outer?: Tx) {
  assertCanSchedule(actor);
  const input = parseOrThrow(journalPostSchema, raw);
  return inTransaction(outer, async (tx) => {
    await assertFieldService(tx);
    const order = await requireLockedWorkOrder(tx, number);
    // Like a Closed case (SPEC §1): a closed work order's record is final.
    if (!isOpenWorkOrder(order.state))
      throw invalid("workNotes", `This work order is ${order.state}: work notes can no longer be added.`);
    const posted = await postEntries(tx, { table: TABLE.workOrder, recordId: order.id }, input, actor, {
      workNotes: true,
      comments: false,
    });
    return { number, posted: posted.length };
  });
}
