import { describe, expect, it } from "vitest";
import {
  firstRowForPriority,
  incidentPriorityFromCase,
  priorityFor,
  STANDARD_PRIORITY_MATRIX as M,
} from "./lookup";

describe("Priority Data Lookup (INC-5)", () => {
  it("INC-5: the standard matrix maps impact × urgency to priority", () => {
    const table = [
      [1, 1, 1],
      [1, 2, 2],
      [1, 3, 3],
      [2, 1, 2],
      [2, 2, 3],
      [2, 3, 4],
      [3, 1, 3],
      [3, 2, 4],
      [3, 3, 5],
    ];
    for (const [i, u, p] of table) expect(priorityFor(M, i, u)).toBe(p);
  });

  it("INC-5: lookup on — case priority copied, impact and urgency from the first matching row", () => {
    expect(incidentPriorityFromCase(true, M, 1)).toEqual({ priority: 1, impact: 1, urgency: 1 });
    expect(incidentPriorityFromCase(true, M, 2)).toEqual({ priority: 2, impact: 1, urgency: 2 });
    expect(incidentPriorityFromCase(true, M, 3)).toEqual({ priority: 3, impact: 1, urgency: 3 });
    expect(incidentPriorityFromCase(true, M, 4)).toEqual({ priority: 4, impact: 2, urgency: 3 });
  });

  it("INC-5: 'first' follows the admin's row order, not the insertion order", () => {
    const reordered = M.map((r) => (r.impact === 3 && r.urgency === 2 ? { ...r, order: 1 } : r));
    expect(firstRowForPriority(reordered, 4)).toMatchObject({ impact: 3, urgency: 2 });
  });

  it("INC-5: lookup off — 5 Planning, 3 Low, 3 Low whatever the case priority", () => {
    expect(incidentPriorityFromCase(false, M, 1)).toEqual({ priority: 5, impact: 3, urgency: 3 });
  });

  it("INC-5: an empty table keeps the case priority with low impact and urgency", () => {
    expect(incidentPriorityFromCase(true, [], 2)).toEqual({ priority: 2, impact: 3, urgency: 3 });
    expect(priorityFor([], 1, 1)).toBe(5);
  });
});
