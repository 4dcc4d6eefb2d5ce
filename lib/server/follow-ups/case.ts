import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldChange } from "@/lib/domain/audit/diff";
import type { Actor } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { caseMailEventFor } from "@/lib/domain/notifications/case-mail";
import { notifyAssignment } from "./assignment";
import { caseMailTemplate, queueCaseMails } from "../notifications/case-mail";
import { readSlaPolicy } from "../sla/policy";
import { applyCaseSlaChange, startCaseSlas } from "../sla/timers";
import type { CaseRow } from "../case-store/row";
import { copyCaseChangesToWorkOrders } from "../work-orders/case-sync";

/** What a saved case change carries to the rules that follow it. */
export type CaseChange = {
  tx: Tx;
  actor: Pick<Actor, "id" | "name"> | null;
  before: CaseRow;
  after: CaseRow;
  changes: readonly FieldChange[];
  /** Request Info's question to the customer (NOT-1), when the change came from that button. */
  question?: string;
};

/**
 * What follows a saved change of a case in other areas — one visible, named list, run in order
 * inside the change's transaction by applyCasePatch (lib/server/case-change/persist.ts). Each entry
 * decides for itself whether the change concerns it, and costs nothing when it does not.
 */
export const CASE_FOLLOW_UPS: readonly { name: string; run: (c: CaseChange) => Promise<unknown> }[] = [
  {
    // FSM-4: mapped field changes reach the case's open work orders (when the admin turned it on).
    name: "Copy case changes to work orders",
    run: (c) => copyCaseChangesToWorkOrders(c.tx, c.actor, c.after, c.changes),
  },
  {
    // WRK-1: the new assignee — or the group's members, with nobody assigned — hears of it.
    name: "Email the new assignee",
    run: (c) =>
      c.changes.some((x) => x.field === "assignedToId" || x.field === "assignmentGroupId")
        ? notifyAssignment(
            c.tx,
            c.actor,
            {
              table: TABLE.case,
              id: c.after.id,
              number: c.after.number,
              shortDescription: c.after.shortDescription,
              version: c.after.version,
            },
            c.before,
            c.after,
          )
        : Promise.resolve(0),
  },
  {
    // NOT-5: Awaiting Info pauses the SLA timers, Accept stops the response, Resolved both; a new
    // priority re-targets them.
    name: "Move the case's SLA timers",
    run: (c) => applyCaseSlaChange(c.tx, c.before, c.after),
  },
  {
    // NOT-1: Request Info (with its question), Propose Solution, Closed, Cancelled tell the customer.
    name: "Email the customer when the case moves",
    run: (c) => {
      const event = caseMailEventFor(c.before.state, c.after.state);
      if (!event || (event === "request_info" && !c.question)) return Promise.resolve(false);
      return queueCaseMails(c.tx, event, [c.after.id], { question: c.question });
    },
  },
];

export async function runCaseFollowUps(change: CaseChange) {
  if (!change.changes.length) return;
  for (const f of CASE_FOLLOW_UPS) await f.run(change);
}

/** What follows the creation of a case in other areas (same rules as above: named, in order). */
export const CASE_CREATED_FOLLOW_UPS: readonly {
  name: string;
  run: (c: Omit<CaseChange, "before" | "changes">) => Promise<unknown>;
}[] = [
  {
    // WRK-1: a case opened straight into someone's (or a group's) hands tells them.
    name: "Email the new assignee",
    run: (c) =>
      notifyAssignment(
        c.tx,
        c.actor,
        {
          table: TABLE.case,
          id: c.after.id,
          number: c.after.number,
          shortDescription: c.after.shortDescription,
          version: c.after.version,
        },
        { assignmentGroupId: null, assignedToId: null },
        c.after,
      ),
  },
  {
    // NOT-5: the priority's response and resolution targets start counting.
    name: "Start the case's SLA timers",
    run: (c) => startCaseSlas(c.tx, c.after),
  },
  {
    // NOT-1: the customer's acknowledgement, with the case number.
    name: "Acknowledge the case to the customer",
    run: (c) => queueCaseMails(c.tx, "opened", [c.after.id]),
  },
];

/**
 * Reads the configuration the case-created follow-ups need (SLA targets and hours, the
 * acknowledgement's template) into the transaction's memo (lib/server/transaction-memo.ts). A
 * creating transaction calls it before it takes the case number (REC-1): the counter's row stays
 * locked until commit and every other creation waits on it, so three round trips fewer under the
 * lock (NOT-3's burst of new-case emails: PERF-9).
 */
export async function readCaseCreatedConfiguration(tx: Tx) {
  await readSlaPolicy(tx);
  await caseMailTemplate(tx, "opened");
}

export async function runCaseCreatedFollowUps(created: Omit<CaseChange, "before" | "changes">) {
  for (const f of CASE_CREATED_FOLLOW_UPS) await f.run(created);
}
