import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { journalPostSchema, type CaseUpdateInput, type NewCaseInput } from "@/lib/domain/cases/schemas";
import { invalid } from "@/lib/domain/errors";
import { CaseState } from "@/lib/domain/records/choices";
import { parseOrThrow } from "@/lib/domain/validation";
import { postCaseJournal } from "../../cases/journal";
import { setRelatedRecords } from "../../cases/related-records";
import { holdRelatedBeforeCase } from "../../cases/related-state";
import { createCase, runCaseAction, updateCase } from "../../cases/write";
import { associateIncident, lockIncidentsBeforeCase, removeIncident } from "../../incidents/link";
import { externalCaseWrites } from "./case-external";
import { hasKeys, splitJournal, type Input, type Row, type WriteOptions, type Writer } from "./types";

/** The Related Records of a body (incident, problem, rfc, caused_by), as numbers for ITSM-2. */
const RELATED = [
  { key: "incidentId", slot: "incident", model: "incident" },
  { key: "problemId", slot: "problem", model: "problem" },
  { key: "changeId", slot: "change", model: "changeRequest" },
  { key: "causedById", slot: "causedBy", model: "changeRequest" },
] as const;

async function numberOf(
  tx: Tx,
  model: (typeof RELATED)[number]["model"],
  id: number,
  field: string,
): Promise<string> {
  const where = { where: { id }, select: { number: true } } as const;
  const row =
    model === "incident"
      ? await tx.incident.findUnique(where)
      : model === "problem"
        ? await tx.problem.findUnique(where)
        : await tx.changeRequest.findUnique(where);
  // A well-formed sys_id of no record is a 400 naming the field — never "unlink" (an empty number).
  if (!row) throw invalid(field, `${field}: no record has that sys_id.`);
  return row.number;
}

/** The ServiceNow name of each Related Records slot, for error messages. */
const API_NAME: Record<string, string> = {
  incident: "incident",
  problem: "problem",
  change: "rfc",
  causedBy: "caused_by",
};

function splitRelated(fields: Input) {
  const rest: Input = { ...fields };
  const related: { key: (typeof RELATED)[number]; id: number | null }[] = [];
  for (const r of RELATED)
    if (r.key in rest) {
      related.push({ key: r, id: rest[r.key] as number | null });
      delete rest[r.key];
    }
  return { rest, related };
}

/**
 * NOT-1: Awaiting Info is set by Request Info, which asks the customer a question. Through the API
 * the question is the `comments` sent with `state` 18 (as a customer's `state` 10 with `comments`
 * is Reject solution): posted once, as Request Info posts it, and emailed with the request.
 */
function requestInfoOf(row: Row, rest: Input, journal: { comments: string }): string | null {
  if (rest.state !== CaseState.AwaitingInfo || Number(row.state) === CaseState.AwaitingInfo) return null;
  if (!journal.comments.trim())
    throw invalid(
      "state",
      "Awaiting Info is set by Request Info, which asks the customer a question: send the question " +
        "as comments with state 18.",
    );
  return journal.comments;
}

async function save(actor: Actor, row: Row, input: Input, version: number, tx: Tx, opts?: WriteOptions) {
  const confirmChildren = opts?.confirmChildren ?? false; // MAJ-5
  const { fields, journal, hasJournal } = splitJournal(input);
  if (hasJournal) parseOrThrow(journalPostSchema, journal);
  const { rest: all, related } = splitRelated(fields);
  const question = requestInfoOf(row, all, journal);
  const { state, ...others } = all;
  const rest = question === null ? all : others;
  const number = String(row.number);
  // INC-4 / SYNC-2: a write that will link or unlink the incident locks it before the journal and
  // field saves lock the case — the order the workspace's items take (lockIncidentsBeforeCase).
  const incidentChange = related.find((r) => r.key.slot === "incident" && r.id !== row[r.key.key]);
  if (incidentChange)
    await lockIncidentsBeforeCase(
      tx,
      number,
      incidentChange.id === null ? undefined : await numberOf(tx, "incident", incidentChange.id, "incident"),
    );
  // ITSM-4: a related resolution code's record is held before the journal locks the case, too.
  // The case's own code, when none is sent, is read in the transaction (`row` was read before it).
  if (rest.state === CaseState.Resolved || rest.resolutionCode !== undefined) {
    const code = rest.resolutionCode;
    await holdRelatedBeforeCase(tx, number, code === undefined || typeof code === "string" ? code : null);
  }
  const versionNow = async () =>
    (await tx.case.findUniqueOrThrow({ where: { id: Number(row.id) }, select: { version: true } })).version;
  const entries = question === null ? journal : { ...journal, comments: "" };
  if (entries.workNotes.trim() || entries.comments.trim())
    await postCaseJournal(actor, number, { ...entries, confirmChildren }, tx);
  let v = version;
  if (question !== null) {
    await runCaseAction(actor, number, { action: "request_info", version: v, question, confirmChildren }, tx);
    v = await versionNow();
  }
  if (hasKeys(rest)) {
    await updateCase(actor, number, { ...(rest as CaseUpdateInput), version: v, confirmChildren }, tx);
    v = await versionNow();
  }
  const changed = related.filter((r) => r.id !== row[r.key.key]);
  const incident = changed.find((r) => r.key.slot === "incident");
  // INC-2…INC-4: the incident is linked as Associate Incident and unlinked as Remove Incident do —
  // a case that has one refuses another (clear it first with incident: "").
  if (incident) {
    if (incident.id === null) await removeIncident(actor, number, undefined, tx);
    else await associateIncident(actor, number, await numberOf(tx, "incident", incident.id, "incident"), tx);
    v = await versionNow();
    changed.splice(changed.indexOf(incident), 1);
  }
  if (changed.length) {
    const links: Record<string, string> = {};
    for (const r of changed)
      links[r.key.slot] = r.id === null ? "" : await numberOf(tx, r.key.model, r.id, API_NAME[r.key.slot]);
    // ITSM-2: the Related Records rules decide.
    await setRelatedRecords(actor, number, { version: v, ...links }, tx);
  }
}

/** sn_customerservice_case: POST is New case; PATCH the case form, Related Records and composer. */
export const caseWriter: Writer = {
  async create(actor, input, tx) {
    const { fields, journal, hasJournal } = splitJournal(input);
    if (hasJournal) parseOrThrow(journalPostSchema, journal);
    const { rest, related } = splitRelated(fields);
    const { state, resolutionCode, resolutionNotes, ...basic } = rest;
    const created = await createCase(actor, basic as NewCaseInput, tx);
    const later = { ...(state !== undefined ? { state } : {}), resolutionCode, resolutionNotes };
    const row = await tx.case.findUniqueOrThrow({ where: { id: created.id } });
    const follow: Input = Object.fromEntries(Object.entries(later).filter(([, v]) => v !== undefined));
    for (const r of related) follow[r.key.key] = r.id;
    if (hasJournal) Object.assign(follow, { workNotes: journal.workNotes, comments: journal.comments });
    if (hasKeys(follow)) await save(actor, row, follow, row.version, tx);
    return created;
  },
  update: save,
  external: externalCaseWrites,
};
