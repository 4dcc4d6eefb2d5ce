import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { changeLifecycle, isOpenChange, planChangeState } from "@/lib/domain/itsm/changes/lifecycle";
import { assertPlannedWindow, changeUpdateSchema } from "@/lib/domain/itsm/changes/schemas";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import {
  isProblemClosedForChanges,
  planProblemState,
  problemLifecycle,
} from "@/lib/domain/itsm/problems/lifecycle";
import { problemUpdateSchema } from "@/lib/domain/itsm/problems/schemas";
import {
  changeStates,
  labelOf,
  problemStates,
  requestStates,
  type Choice,
} from "@/lib/domain/records/choices";
import { selectableStates } from "@/lib/domain/records/state-machine";
import { isOpenRequest, planRequestState, requestLifecycle } from "@/lib/domain/itsm/requests/lifecycle";
import { requestUpdateSchema } from "@/lib/domain/itsm/requests/schemas";

// One description per ITSM table (problem, change, request) drives the shared update, journal and
// read services in this folder: what differs is the lifecycle, the form fields and the link to cases.

/** What the shared services read on every record: who it is, its version (REC-6) and its state. */
export type ItsmRow = { id: number; number: string; version: number; state: number | string };
/** What every form sends besides its own fields: the version it was read at (REC-6). */
export type ItsmInput = { version: number };

/**
 * `Row` is the table's Prisma row and `Input` its validated form, so each record's own workflow
 * (planProblemState…) gets them typed; the services are generic over both.
 */
export type ItsmSpec<Row extends ItsmRow, Input extends ItsmInput> = {
  table: "problem" | "change_request" | "sc_request";
  noun: string;
  title: string;
  path: string;
  plugin: string;
  schema: z.ZodType<Input>;
  find: (tx: Tx, number: string) => Promise<Row | null>;
  update: (
    tx: Tx,
    where: { id: number; version: number },
    data: Record<string, unknown>,
  ) => Promise<{ count: number }>;
  /** What the State select offers: the current state and its legal next states (REC-3). */
  selectableStates: (row: Row) => Choice<Row["state"]>[];
  /** The label of a stored state: a row's, or one read by raw SQL (whatever type the driver gave). */
  stateLabel: (stored: unknown) => string;
  /** No field may change any more (Closed, Canceled…). */
  isFinal: (row: Row) => boolean;
  /** The state fields of an edit; the rest of the input is copied as is. */
  stateFields: readonly (keyof Input & string)[];
  plan: (row: Row, input: Input, now: Date) => Record<string, unknown>;
};

/** Keeps the row type `find` returns and the schema's input type, and checks the rest against them. */
const defineSpec = <Row extends ItsmRow, Input extends ItsmInput>(spec: ItsmSpec<Row, Input>) => spec;

export const PROBLEM = defineSpec({
  table: "problem",
  noun: "problem",
  title: "Problem",
  path: "/problems/",
  plugin: PLUGIN.serviceManagement,
  schema: problemUpdateSchema,
  find: (tx, number) => tx.problem.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.problem.updateMany({ where, data }),
  selectableStates: (r) => selectableStates(problemLifecycle, r.state),
  stateLabel: (s) => labelOf(problemStates, Number(s)),
  isFinal: (r) => isProblemClosedForChanges(r.state),
  stateFields: ["state", "resolutionCode", "resolutionNotes"],
  plan: (r, input, now) =>
    planProblemState(
      r,
      {
        state: input.state ?? r.state,
        resolutionCode: input.resolutionCode,
        resolutionNotes: input.resolutionNotes,
      },
      now,
    ),
});

export const CHANGE = defineSpec({
  table: "change_request",
  noun: "change",
  title: "Change Request",
  path: "/changes/",
  plugin: PLUGIN.serviceManagement,
  schema: changeUpdateSchema,
  find: (tx, number) => tx.changeRequest.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.changeRequest.updateMany({ where, data }),
  selectableStates: (r) => selectableStates(changeLifecycle(r.type), r.state),
  stateLabel: (s) => labelOf(changeStates, Number(s)),
  isFinal: (r) => !isOpenChange(r.state),
  stateFields: ["state", "closeCode", "closeNotes"],
  plan: (r, input, now) => {
    assertPlannedWindow(r, input);
    return planChangeState(
      r,
      { state: input.state ?? r.state, closeCode: input.closeCode, closeNotes: input.closeNotes },
      now,
    );
  },
});

export const REQUEST = defineSpec({
  table: "sc_request",
  noun: "request",
  title: "Request",
  path: "/requests/",
  plugin: PLUGIN.requestManagement,
  schema: requestUpdateSchema,
  find: (tx, number) => tx.request.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.request.updateMany({ where, data }),
  selectableStates: (r) => selectableStates(requestLifecycle, r.state),
  stateLabel: (s) => labelOf(requestStates, String(s)),
  isFinal: (r) => !isOpenRequest(r.state),
  stateFields: ["state"],
  plan: (r, input, now) => planRequestState(r, { state: input.state ?? r.state }, now),
});
