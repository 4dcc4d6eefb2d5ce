import "server-only";
import { type Tx, inTransaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { conflict, invalid, notFound } from "@/lib/domain/errors";
import { isCaseClosedForChanges, planCaseStateChange } from "@/lib/domain/cases/lifecycle";
import { portalAcceptSchema, portalRejectSchema, portalReplySchema } from "@/lib/domain/portal/schemas";
import { CaseState, caseStates, labelOf, MajorCaseState } from "@/lib/domain/records/choices";
import { reachedStates } from "@/lib/domain/major/field-sync";
import { parseOrThrow } from "@/lib/domain/validation";
import { addCustomerReply, lockCaseForReply } from "../cases/customer-reply";
import { appendJournal } from "../journal/write";
import { TABLE } from "@/lib/domain/records/tables";
import { applyCasePatch } from "../case-change/persist";
import { requireLockedCase, type CaseRow } from "../case-store/row";
import { getExternalCaseRef } from "../scope/cases";
import { childCount } from "../major/sync-children";

// The customer's answers on their case page (POR-1): Reply, Accept solution, Reject solution.
// Each first resolves the number through the external scope — a case the user may not see answers
// exactly like a missing number (POR-4), whatever the form holds — then decides on the locked row.

/**
 * The case in the user's scope, row-locked in `tx`, and the user as the journal author. The scope
 * is asked again once the row is held: the lock may have waited for a change of the case's contact
 * or account, after which the case is no longer theirs ("not found", POR-4).
 */
async function lockScoped(actor: Actor | null | undefined, number: string, client?: Tx) {
  const ref = await getExternalCaseRef(actor, number, client);
  const author = { id: actor!.id, name: actor!.name };
  const stillInScope = async <T>(tx: Tx, row: T) => {
    await getExternalCaseRef(actor, ref.number, tx);
    return row;
  };
  return {
    ref,
    author,
    lock: async (tx: Tx) => stillInScope(tx, await requireLockedCase(tx, ref.number)),
    // A reply (Reply, Reject solution) may be copied to the incident (PRO-4): its fan-out's cases first.
    lockForReply: async (tx: Tx) => {
      const row = await lockCaseForReply(tx, ref.number);
      if (!row) throw notFound(`Case ${ref.number}`);
      return stillInScope(tx, row);
    },
  };
}

const closedMessage = (row: CaseRow) =>
  `This case is ${labelOf(caseStates, row.state)} and cannot be changed.`;

/** Reply + Send: the customer's additional comment; an Awaiting Info case returns to Open (§1). */
export async function replyOnPortal(
  actor: Actor | null | undefined,
  number: string,
  raw: unknown,
  outer?: Tx,
) {
  // Inside a caller's transaction the scope is read there too (one connection on SQLite).
  const { ref, author, lockForReply } = await lockScoped(actor, number, outer);
  const input = parseOrThrow(portalReplySchema, raw);
  const idempotencyKey = `portal:${input.idempotencyKey}`;
  const out = await inTransaction(outer, async (tx) => {
    const row = await lockForReply(tx);
    // REL-2: the same reply again (its answer lost, a second click): it is on the case — answer as
    // done before the checks below, which the case may fail by now (its reply reopened it and a
    // solution came since; or it was closed), and whose messages would ask for what is done.
    if (await postedAlready(tx, row.id, idempotencyKey))
      return { number: ref.number, posted: false, reopened: false };
    if (isCaseClosedForChanges(row.state)) throw invalid("reply", closedMessage(row));
    // WRK-3: a reply to a Resolved case rejects its solution — only the one the customer saw: one
    // proposed while they wrote (the page showed another state), or proposed again since (another
    // version: Reopen, then a new solution), is shown first.
    const otherState = input.shownState !== undefined && input.shownState !== row.state;
    const otherVersion = input.shownVersion !== undefined && input.shownVersion !== row.version;
    if (row.state === CaseState.Resolved && (otherState || otherVersion))
      throw conflict(
        `${otherState ? "A solution was proposed" : "This case was changed"} while you were writing; ` +
          "the solution is shown above now. Accept it, or send your reply again to reject it.",
        "reply",
      );
    const result = await addCustomerReply(tx, {
      caseRow: row,
      customer: author,
      body: input.reply,
      idempotencyKey,
    });
    return { number: ref.number, posted: result.entryId !== null, reopened: result.reopened };
  });
  return out;
}

/** Whether the customer's answer with this key is on the case already (REL-2). */
async function postedAlready(tx: Tx, caseId: number, idempotencyKey: string) {
  const done = await tx.journalEntry.findFirst({
    where: { table: TABLE.case, recordId: caseId, idempotencyKey },
    select: { id: true },
  });
  return done !== null;
}

/** Only a Resolved case has a solution to answer. */
function assertResolved(row: CaseRow, button: string) {
  if (isCaseClosedForChanges(row.state)) throw invalid("state", closedMessage(row));
  if (row.state !== CaseState.Resolved)
    throw invalid(
      "state",
      `${button} is only possible while the case is Resolved; it is ${labelOf(caseStates, row.state)}.`,
    );
}

/**
 * MAJ-5: closing a major case closes its children with its resolution, which only a major issue
 * manager does (confirming how many). A major case that still has children to close is not closed
 * by its customer's Accept — before, it closed alone and left them open under a Closed major case
 * that nobody could change or release. Its customer may still reject the solution.
 */
export async function acceptClosesChildren(client: Tx, row: Pick<CaseRow, "id" | "majorCaseState">) {
  if (row.majorCaseState !== MajorCaseState.Accepted) return false;
  return (await childCount(client, row.id, reachedStates({ state: CaseState.Closed }))) > 0;
}

/** Whether `userId`'s Accept of `version` is what closed the case (the close is the row's last change). */
async function acceptedAlready(tx: Tx, row: CaseRow, version: number | undefined, userId: number) {
  if (row.state !== CaseState.Closed || version === undefined || row.version !== version + 1) return false;
  const last = await tx.auditEntry.findFirst({
    where: { table: TABLE.case, recordId: row.id, field: "state" },
    orderBy: { id: "desc" },
    select: { userId: true },
  });
  return last?.userId === userId;
}

/**
 * Accept solution: Resolved → Closed, audited as the customer's change — only for the version of
 * the case the customer saw (REC-6): a solution proposed again since is not accepted unseen.
 */
export async function acceptSolution(
  actor: Actor | null | undefined,
  number: string,
  raw: unknown,
  outer?: Tx,
) {
  const { ref, author, lock } = await lockScoped(actor, number, outer);
  const { version, comments: comment } = parseOrThrow(portalAcceptSchema, raw);
  return inTransaction(outer, async (tx) => {
    const row = await lock(tx);
    // REL-2: the same Accept again (its answer lost on the way, a second tab): the case this customer
    // closed from the version they saw answers as done — not as "this case is Closed".
    if (await acceptedAlready(tx, row, version, author.id))
      return { number: ref.number, state: CaseState.Closed };
    assertResolved(row, "Accept solution");
    if (await acceptClosesChildren(tx, row))
      throw invalid(
        "state",
        "This case coordinates other customers' cases: our support team closes it together with them. " +
          "If the solution does not work for you, reject it.",
      );
    const patch = planCaseStateChange(row.state, CaseState.Closed, {}, new Date());
    await applyCasePatch(tx, author, row, version, patch);
    // A comment given with the acceptance is the customer's last word on the closed case: kept,
    // not a reply (a reply would reopen it and reject the solution it accepts).
    if (comment)
      await appendJournal(tx, {
        table: TABLE.case,
        recordId: row.id,
        kind: "comments",
        body: comment,
        author,
      });
    return { number: ref.number, state: CaseState.Closed };
  });
}

/**
 * Reject solution: the reason is required; Resolved → Open, and the reason is the customer's
 * additional comment (through addCustomerReply, so it reaches the incident like any reply, PRO-4).
 * Only for the version of the case the customer saw, like Accept (REC-6): a stale page changes nothing.
 */
export async function rejectSolution(
  actor: Actor | null | undefined,
  number: string,
  raw: unknown,
  outer?: Tx,
) {
  const { ref, author, lockForReply } = await lockScoped(actor, number, outer);
  const input = parseOrThrow(portalRejectSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const row = await lockForReply(tx);
    // REL-2: the same Reject again (the same form): its reason is on the case — answer as done.
    const idempotencyKey = `portal-reject:${input.idempotencyKey}`;
    if (await postedAlready(tx, row.id, idempotencyKey)) return { number: ref.number, state: row.state };
    assertResolved(row, "Reject solution");
    const patch = planCaseStateChange(row.state, CaseState.Open, {}, new Date());
    await applyCasePatch(tx, author, row, input.version, patch);
    await addCustomerReply(tx, {
      caseRow: { ...row, ...patch, version: row.version + 1 },
      customer: author,
      body: input.reason,
      idempotencyKey,
    });
    return { number: ref.number, state: CaseState.Open };
  });
  return out;
}
