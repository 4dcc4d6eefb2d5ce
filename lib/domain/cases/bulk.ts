// WRK-4 bulk actions on the case list: assign, reprioritise or move the selected cases in one
// action. Each case goes through the case form's own rules (lib/server/cases/bulk.ts); these are the
// input rules and the per-case report the list shows.
import { z } from "zod";
import {
  CaseState,
  casePriorities,
  caseResolutionCodes,
  caseStates,
  labelOf,
  type Choice,
} from "../records/choices";
import { decimalText, LIMITS, MAX_INT, optionalStringChoice, optionalText, plainText } from "../validation";
import { NOBODY_PICKED, nobodyPickedMessage } from "../assignment/nobody-picked";
import { caseLifecycle, enteredByStateEdit } from "./lifecycle";

export const BULK_MAX_CASES = 100;

/**
 * The states a case can be moved to by a State edit (New is only ever a starting state; Awaiting
 * Info only through Request Info, which asks the customer its question: NOT-1).
 */
export const BULK_TARGET_STATES: readonly Choice<number>[] = caseStates.filter(
  (s) =>
    enteredByStateEdit(s.value) &&
    [...caseLifecycle.next.values()].some((targets) => targets.includes(s.value)),
);

/** "CS0001003:4" — a selected case and the version the list showed (REC-6: a stale row is refused). */
const CASE_REF = /^(CS\d{1,20}):(\d{1,10})$/;

const blank = (v: unknown) => v === "" || v === null || v === undefined;

/**
 * "" leaves the field as it is, "none" clears it, an id sets it. `person`: the Assigned to field,
 * whose "A person…" with nobody picked is refused in words of its own.
 */
const assignField = (label: string, person = false) => {
  const message = `${label} is not a valid choice.`;
  const nobody = person ? nobodyPickedMessage(label) : message;
  return z.preprocess(
    (v) => (blank(v) ? undefined : v === "none" ? null : decimalText(v)),
    z
      .number({ error: (issue) => (issue.input === NOBODY_PICKED ? nobody : message) })
      .int(message)
      .positive(message)
      .max(MAX_INT, message)
      .nullable()
      .optional(),
  );
};

const choiceField = (label: string, choices: readonly Choice<number>[]) => {
  const message = `${label} must be one of: ${choices.map((c) => c.label).join(", ")}.`;
  return z.preprocess(
    (v) => (blank(v) ? undefined : decimalText(v)),
    z
      .number({ error: message })
      .refine((n) => choices.some((c) => c.value === n), { error: message })
      .optional(),
  );
};

export const bulkCaseSchema = z
  .object({
    cases: plainText("Cases")
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z
          .array(z.string().regex(CASE_REF, "Cases must be selected rows of the list; reload the page."))
          .min(1, "Select at least one case.")
          .max(BULK_MAX_CASES, `Change at most ${BULK_MAX_CASES} cases at once.`),
      )
      .transform((refs) => {
        const byNumber = new Map<string, number>();
        for (const ref of refs) {
          const [, number, version] = CASE_REF.exec(ref)!;
          if (!byNumber.has(number)) byNumber.set(number, Number(version));
        }
        return [...byNumber].map(([number, version]) => ({ number, version }));
      }),
    assignmentGroupId: assignField("Assignment group"),
    assignedToId: assignField("Assigned to", true),
    priority: choiceField("Priority", casePriorities),
    state: choiceField("State", BULK_TARGET_STATES),
    resolutionCode: optionalStringChoice("Resolution code", caseResolutionCodes),
    resolutionNotes: optionalText("Resolution notes", LIMITS.notes).optional(),
  })
  .superRefine((v, ctx) => {
    const fields = [v.assignmentGroupId, v.assignedToId, v.priority, v.state];
    if (fields.every((f) => f === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["change"],
        message: "Choose a change: an assignment group, an assignee, a priority or a state.",
      });
    // REC-4: resolving needs a code and notes — asked once for every selected case.
    if (v.state === CaseState.Resolved && !v.resolutionCode)
      ctx.addIssue({
        code: "custom",
        path: ["resolutionCode"],
        message: "Resolution code is required to resolve cases.",
      });
    if (v.state === CaseState.Resolved && !v.resolutionNotes)
      ctx.addIssue({
        code: "custom",
        path: ["resolutionNotes"],
        message: "Resolution notes are required to resolve cases.",
      });
  });
export type BulkCaseInput = z.input<typeof bulkCaseSchema>;
export type BulkCaseRequest = z.output<typeof bulkCaseSchema>;

/** The fields a bulk request sets on each case (only those it names). */
export function bulkPatch(input: BulkCaseRequest): Record<string, number | string | null> {
  const patch: Record<string, number | string | null> = {};
  if (input.assignmentGroupId !== undefined) patch.assignmentGroupId = input.assignmentGroupId;
  if (input.assignedToId !== undefined) patch.assignedToId = input.assignedToId;
  if (input.priority !== undefined) patch.priority = input.priority;
  if (input.state !== undefined) patch.state = input.state;
  return patch;
}

export type BulkOutcome =
  | { number: string; status: "changed"; changes: string[] }
  | { number: string; status: "unchanged" | "refused"; reason: string };

export type BulkReport = { outcomes: BulkOutcome[]; changed: number; unchanged: number; refused: number };

/** Names of the chosen group and assignee, for the report. */
export type BulkNames = { group?: string; assignee?: string };

/** What the request changed on one case, in words ("assigned to Alex Agent"), in a fixed order. */
export function describeChanges(changed: readonly string[], input: BulkCaseRequest, names: BulkNames) {
  const out: string[] = [];
  if (changed.includes("assignmentGroupId"))
    out.push(input.assignmentGroupId === null ? "assignment group cleared" : `group set to ${names.group}`);
  if (changed.includes("assignedToId"))
    out.push(input.assignedToId === null ? "unassigned" : `assigned to ${names.assignee}`);
  if (changed.includes("priority"))
    out.push(`priority set to ${labelOf(casePriorities, input.priority as number)}`);
  if (changed.includes("state")) out.push(`state set to ${labelOf(caseStates, input.state as number)}`);
  return out;
}

/** "CS0001003: assigned to Alex Agent" / "CS0001004: refused — This case is Closed and cannot be changed." */
export function outcomeLine(o: BulkOutcome): string {
  if (o.status === "changed") return `${o.number}: ${o.changes.join(", ")}`;
  if (o.status === "unchanged") return `${o.number}: no change — ${o.reason}`;
  return `${o.number}: refused — ${o.reason}`;
}

const plural = (n: number) => `${n} case${n === 1 ? "" : "s"}`;

/** "2 cases changed, 1 refused." */
export function bulkSummary(r: Pick<BulkReport, "changed" | "unchanged" | "refused">): string {
  const parts = [`${plural(r.changed)} changed`];
  if (r.unchanged) parts.push(`${r.unchanged} already so`);
  if (r.refused) parts.push(`${r.refused} refused`);
  return `${parts.join(", ")}.`;
}
