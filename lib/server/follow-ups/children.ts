import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { caseMailEventEntering, type CaseMailEvent } from "@/lib/domain/notifications/case-mail";
import { TABLE } from "@/lib/domain/records/tables";
import { notifyAssignments } from "./assignment";
import { queueCaseMails } from "../notifications/case-mail";
import { applySlaChangeToChildren } from "../sla/timers";
import { childIdsWithCustomerIn, childrenReassigned } from "../tables/case-reads";

/**
 * A major case's change that one statement copies to its children in `states` (MAJ-5,
 * lib/server/major/sync-children.ts). `movedWithCustomer`: the children whose state it changes and
 * that have a customer (contact or consumer), read before the write.
 */
export type ChildrenChange = {
  tx: Tx;
  actor: Pick<Actor, "id" | "name">;
  parentId: number;
  states: readonly number[];
  patch: {
    state?: number;
    priority?: number;
    assignedToId?: number | null;
    assignmentGroupId?: number | null;
  };
  now: Date;
  movedWithCustomer: readonly number[];
  /** The children the change gives another assignee, as they were (WRK-1's email). */
  reassigned: Awaited<ReturnType<typeof childrenReassigned>>;
};

/**
 * What follows such a change in other areas (named, in order, as above), for all the children at
 * once: `before` the statement writes them (reads them as they were), `after` (reads them as changed).
 */
export const CHILDREN_CHANGE_FOLLOW_UPS: readonly {
  name: string;
  before?: (c: ChildrenChange) => Promise<unknown>;
  after?: (c: ChildrenChange) => Promise<unknown>;
}[] = [
  {
    // NOT-5: a child resolved with its major case stops its timers; a new priority re-targets them.
    name: "Move the children's SLA timers",
    before: (c) => applySlaChangeToChildren(c.tx, c.parentId, c.states, c.patch, c.now),
  },
  {
    // WRK-1: a child given the major case's assignee (case_fields_to_sync lists assigned_to) tells
    // them, as assigning it on its own form would — one email per child, deduplicated by its version
    // (the group and the preferences read once for all the children).
    name: "Email the children's new assignee",
    after: (c) =>
      notifyAssignments(
        c.tx,
        c.actor,
        c.reassigned.map((k) => ({ table: TABLE.case, ...k, version: k.version + 1 })),
        { assignedToId: c.patch.assignedToId ?? null, assignmentGroupId: c.patch.assignmentGroupId ?? null },
      ),
  },
  {
    // NOT-1: a child resolved, closed or cancelled with its major case tells its customer, as its own
    // change would (Propose Solution with the resolution notes, Closed, Cancelled). Awaiting Info
    // copied from the major case asks no question, so it sends nothing, as on a single case.
    name: "Email the children's customers when they move",
    after: (c) => {
      const event = c.patch.state === undefined ? null : caseMailEventEntering(c.patch.state);
      return event && event !== "request_info"
        ? queueCaseMailsInBatches(c.tx, event, c.movedWithCustomer)
        : Promise.resolve(0);
    },
  },
];

/** Batches of 500 cases: each a few statements whose parameter lists stay within both databases' limits. */
async function queueCaseMailsInBatches(tx: Tx, event: CaseMailEvent, ids: readonly number[]) {
  let queued = 0;
  for (let i = 0; i < ids.length; i += 500) queued += await queueCaseMails(tx, event, ids.slice(i, i + 500));
  return queued;
}

/**
 * Copies a major case's change to its children: reads which of them it moves, runs the follow-ups
 * before and after `write` (the one statement that writes them) and returns what `write` returns.
 */
export async function changeChildren(
  change: Omit<ChildrenChange, "movedWithCustomer" | "reassigned">,
  write: () => Promise<number>,
): Promise<number> {
  const reassigned =
    change.patch.assignedToId === undefined
      ? []
      : await childrenReassigned(
          change.tx,
          change.parentId,
          change.states,
          change.patch.assignedToId,
          change.patch.assignmentGroupId,
        );
  const to = change.patch.state;
  const movedWithCustomer =
    to === undefined
      ? []
      : await childIdsWithCustomerIn(
          change.tx,
          change.parentId,
          change.states.filter((s) => s !== to),
        );
  const c = { ...change, movedWithCustomer, reassigned };
  for (const f of CHILDREN_CHANGE_FOLLOW_UPS) if (f.before) await f.before(c);
  const count = await write();
  for (const f of CHILDREN_CHANGE_FOLLOW_UPS) if (f.after) await f.after(c);
  return count;
}
