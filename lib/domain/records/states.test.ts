import { describe, expect, it } from "vitest";
import * as S from "./states";

// Each state set is written twice in states.ts: the names code uses and the labelled list. They
// must name the same values, in the same order, once each.
const SETS = {
  case: [S.CaseState, S.caseStates],
  majorCase: [S.MajorCaseState, S.majorCaseStates],
  incident: [S.IncidentState, S.incidentStates],
  problem: [S.ProblemState, S.problemStates],
  change: [S.ChangeState, S.changeStates],
  request: [S.RequestState, S.requestStates],
  workOrder: [S.WorkOrderState, S.workOrderStates],
  task: [S.TaskState, S.taskStates],
} as const;

describe("state lists", () => {
  it.each(Object.entries(SETS))("%s: the named states are the listed ones, in order", (_, [names, list]) => {
    const values = list.map((c) => c.value);
    expect(values).toEqual(Object.values(names));
    expect(new Set(values).size).toBe(values.length);
    expect(list.every((c) => c.label.trim() !== "")).toBe(true);
  });

  it("a work order or task state is its own label", () => {
    for (const c of [...S.workOrderStates, ...S.taskStates]) expect(c.label).toBe(c.value);
  });
});
