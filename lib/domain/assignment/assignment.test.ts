import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { assignmentMoved, assignmentRecipients, checkAssignment, type GroupFacts } from "./assignment";

const desk: GroupFacts = { id: 1, name: "Service Desk", active: true, activeMemberIds: [10, 11] };
const fieldOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.field : "not a domain error";
  }
  return null;
};

describe("WRK-1: assignment rules", () => {
  it("WRK-1: the assignee must be an active member of the assignment group", () => {
    expect(fieldOf(() => checkAssignment({ assignmentGroupId: 1, assignedToId: 10 }, desk))).toBeNull();
    expect(fieldOf(() => checkAssignment({ assignmentGroupId: 1, assignedToId: 12 }, desk))).toBe(
      "assignedToId",
    );
    expect(() => checkAssignment({ assignmentGroupId: 1, assignedToId: 12 }, desk)).toThrow(
      "Assigned to: pick an active member of Service Desk.",
    );
  });
  it("WRK-1: a group that does not exist or is inactive is refused on its field", () => {
    expect(fieldOf(() => checkAssignment({ assignmentGroupId: 2, assignedToId: null }, null))).toBe(
      "assignmentGroupId",
    );
    expect(
      fieldOf(() =>
        checkAssignment({ assignmentGroupId: 1, assignedToId: null }, { ...desk, active: false }),
      ),
    ).toBe("assignmentGroupId");
  });
  it("WRK-1: without a group any assignee passes this rule (the user check stays the caller's)", () => {
    expect(fieldOf(() => checkAssignment({ assignmentGroupId: null, assignedToId: 99 }, null))).toBeNull();
  });
  it("WRK-1: the new assignee hears of it, unless they assigned it themselves", () => {
    const before = { assignmentGroupId: 1, assignedToId: null };
    expect(assignmentRecipients(before, { assignmentGroupId: 1, assignedToId: 10 }, 11, [10, 11])).toEqual([
      10,
    ]);
    expect(assignmentRecipients(before, { assignmentGroupId: 1, assignedToId: 10 }, 10, [10, 11])).toEqual(
      [],
    );
  });
  it("WRK-1: a case moved to a group with nobody assigned reaches the group's members but the mover", () => {
    const before = { assignmentGroupId: null, assignedToId: null };
    expect(assignmentRecipients(before, { assignmentGroupId: 1, assignedToId: null }, 11, [10, 11])).toEqual([
      10,
    ]);
  });
  it("WRK-1: a save that changes neither group nor assignee sends nothing", () => {
    const same = { assignmentGroupId: 1, assignedToId: 10 };
    expect(assignmentMoved(same, same)).toBe(false);
    expect(assignmentRecipients(same, same, null, [10, 11])).toEqual([]);
    // Handing a case back to its group's queue tells the group, but not the one who did it.
    expect(assignmentRecipients(same, { assignmentGroupId: 1, assignedToId: null }, 10, [10, 11])).toEqual([
      11,
    ]);
  });
});
