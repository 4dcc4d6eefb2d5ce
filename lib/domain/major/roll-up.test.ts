import { describe, expect, it } from "vitest";
import { CaseState as S } from "../records/choices";
import { rollUp, type RollUpCase } from "./roll-up";

const kase = (id: number, o: Partial<RollUpCase> = {}): RollUpCase => ({
  id,
  parentId: null,
  isMajor: false,
  state: S.Open,
  linked: false,
  otherRecord: false,
  ...o,
});

describe("major case roll-up of related-record notes (MAJ-4)", () => {
  const major = kase(1, { isMajor: true, linked: true });

  it("MAJ-4: shared record — the major case is noted once; the child gets a copy when work notes sync", () => {
    const child = kase(2, { parentId: 1, linked: true });
    expect(rollUp([major, child], true)).toEqual({ direct: [1], copies: [2] });
    expect(rollUp([major, child], false)).toEqual({ direct: [1], copies: [] });
  });

  it("MAJ-4: a child with a different record of the same type gets only its own record's updates", () => {
    const other = kase(3, { parentId: 1, otherRecord: true });
    expect(rollUp([major, other], true)).toEqual({ direct: [1], copies: [] });
    // …and an update of its own record reaches it directly, not the major case.
    expect(rollUp([kase(1, { isMajor: true }), kase(3, { parentId: 1, linked: true })], true)).toEqual({
      direct: [3],
      copies: [],
    });
  });

  it("MAJ-4: a child without a record of that type follows the major case's notes", () => {
    expect(rollUp([major, kase(4, { parentId: 1 })], true)).toEqual({ direct: [1], copies: [4] });
  });

  it("MAJ-5: Resolved, Closed and Cancelled children get no copies", () => {
    const children = [S.Resolved, S.Closed, S.Cancelled, S.New, S.AwaitingInfo].map((state, i) =>
      kase(10 + i, { parentId: 1, state, linked: true }),
    );
    expect(rollUp([major, ...children], true)).toEqual({ direct: [1], copies: [13, 14] });
  });

  it("SYNC-4: ordinary linked cases and children of an unlinked major case are noted directly", () => {
    const plain = kase(5, { linked: true });
    const childOfUnlinked = kase(6, { parentId: 7, linked: true });
    expect(rollUp([plain, childOfUnlinked, kase(7, { isMajor: true })], true)).toEqual({
      direct: [5, 6],
      copies: [],
    });
  });
});
