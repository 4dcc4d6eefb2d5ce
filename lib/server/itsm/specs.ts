import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { changeLifecycle, isOpenChange, planChangeState } from "@/lib/domain/changes/lifecycle";
import { changeUpdateSchema } from "@/lib/domain/changes/schemas";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import {
  isProblemClosedForChanges,
  planProblemState,
  problemLifecycle,
} from "@/lib/domain/problems/lifecycle";
import { problemUpdateSchema } from "@/lib/domain/problems/schemas";
import {
  changeStates,
  labelOf,
  problemStates,
  requestStates,
  type ChangeType,
} from "@/lib/domain/records/choices";
import type { Lifecycle } from "@/lib/domain/records/state-machine";
import { isOpenRequest, planRequestState, requestLifecycle } from "@/lib/domain/requests/lifecycle";
import { requestUpdateSchema } from "@/lib/domain/requests/schemas";

// One description per ITSM table (problem, change, request) drives the shared update, journal and
// read services in this folder: what differs is the lifecycle, the form fields and the link to cases.

type Row = { id: number; number: string; version: number; state: number | string } & Record<string, unknown>;

export type ItsmSpec = {
  table: "problem" | "change_request" | "sc_request";
  noun: string;
  title: string;
  path: string;
  plugin: string;
  schema: z.ZodType;
  find: (tx: Tx, number: string) => Promise<Row | null>;
  update: (
    tx: Tx,
    where: { id: number; version: number },
    data: Record<string, unknown>,
  ) => Promise<{ count: number }>;
  lifecycle: (row: Row) => Lifecycle<number> | Lifecycle<string>;
  stateLabel: (state: unknown) => string;
  /** No field may change any more (Closed, Canceled…). */
  isFinal: (row: Row) => boolean;
  /** The state fields of an edit; the rest of the input is copied as is. */
  stateFields: string[];
  plan: (row: Row, input: Record<string, unknown>, now: Date) => Record<string, unknown>;
};

export const PROBLEM: ItsmSpec = {
  table: "problem",
  noun: "problem",
  title: "Problem",
  path: "/problems/",
  plugin: PLUGIN.serviceManagement,
  schema: problemUpdateSchema,
  find: (tx, number) => tx.problem.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.problem.updateMany({ where, data }),
  lifecycle: () => problemLifecycle,
  stateLabel: (s) => labelOf(problemStates, s as number),
  isFinal: (r) => isProblemClosedForChanges(r.state as number),
  stateFields: ["state", "resolutionCode", "resolutionNotes"],
  plan: (r, input, now) =>
    planProblemState(
      r as never,
      {
        state: (input.state as number) ?? (r.state as number),
        resolutionCode: input.resolutionCode as string | null | undefined,
        resolutionNotes: input.resolutionNotes as string | null | undefined,
      },
      now,
    ),
};

export const CHANGE: ItsmSpec = {
  table: "change_request",
  noun: "change",
  title: "Change Request",
  path: "/changes/",
  plugin: PLUGIN.serviceManagement,
  schema: changeUpdateSchema,
  find: (tx, number) => tx.changeRequest.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.changeRequest.updateMany({ where, data }),
  lifecycle: (r) => changeLifecycle(r.type as ChangeType),
  stateLabel: (s) => labelOf(changeStates, s as number),
  isFinal: (r) => !isOpenChange(r.state as number),
  stateFields: ["state", "closeCode", "closeNotes"],
  plan: (r, input, now) =>
    planChangeState(
      r as never,
      {
        state: (input.state as number) ?? (r.state as number),
        closeCode: input.closeCode as string | null | undefined,
        closeNotes: input.closeNotes as string | null | undefined,
      },
      now,
    ),
};

export const REQUEST: ItsmSpec = {
  table: "sc_request",
  noun: "request",
  title: "Request",
  path: "/requests/",
  plugin: PLUGIN.requestManagement,
  schema: requestUpdateSchema,
  find: (tx, number) => tx.request.findUnique({ where: { number } }),
  update: (tx, where, data) => tx.request.updateMany({ where, data }),
  lifecycle: () => requestLifecycle,
  stateLabel: (s) => labelOf(requestStates, s as string),
  isFinal: (r) => !isOpenRequest(r.state as string),
  stateFields: ["state"],
  plan: (r, input, now) =>
    planRequestState(r as never, { state: (input.state as string) ?? (r.state as string) }, now),
};
