import { describe, expect, it } from "vitest";
import {
  formatCursor,
  lastSave,
  mergeEntries,
  newestCreatedAt,
  parseAfter,
  parseCursor,
  type JournalItem,
} from "./live";

const item = (id: number, createdAt: string): JournalItem => ({
  id,
  kind: "comments",
  body: `#${id}`,
  authorName: "A",
  createdAt,
  at: createdAt,
  sourceNumber: null,
  sourceHref: null,
  ruleName: null,
  own: false,
});

describe("live timeline protocol", () => {
  it("JRN-2: merging keeps each entry once, newest first, ties by id", () => {
    const t1 = "2026-11-22T10:00:00.000Z";
    const t2 = "2026-11-22T10:00:01.000Z";
    const merged = mergeEntries([item(3, t1), item(5, t2)], [item(4, t1), item(3, t1)], []);
    expect(merged.map((e) => e.id)).toEqual([5, 4, 3]);
    expect(newestCreatedAt(merged)).toBe(t2);
    expect(newestCreatedAt([])).toBeNull();
  });

  it("REL-1: cursors round-trip; anything else is refused naming its parameter", () => {
    const k = { createdAt: new Date("2026-11-22T10:00:00.123Z"), id: 42 };
    expect(parseCursor(formatCursor(k))).toEqual(k);
    expect(parseAfter("2026-11-22T10:00:00.123Z")).toEqual(k.createdAt);
    expect(parseAfter(null)).toBeNull();
    for (const bad of [
      "",
      "42",
      "x_1",
      "2026-11-22T10:00:00Z_0",
      "2026-11-22T10:00:00Z_abc",
      "-271821-04-20T00:00:00.000Z_1",
      "2026-11-22T10:00:00Z_99999999999",
    ])
      expect(() => parseCursor(bad), bad).toThrow(
        expect.objectContaining({ kind: "invalid", field: "before" }),
      );
    for (const bad of ["yesterday", "1e12", "+275760-09-13T00:00:00.000Z", "2026-13-45T99:00:00Z"])
      expect(() => parseAfter(bad), bad).toThrow(
        expect.objectContaining({ kind: "invalid", field: "after" }),
      );
  });

  it("REC-6: the last save is named by its audit row, not by an older one", () => {
    const updatedAt = new Date("2026-11-22T10:00:00.000Z");
    const audit = { userId: 7, userName: "Alex Agent", createdAt: new Date("2026-11-22T10:00:00.004Z") };
    expect(lastSave({ updatedAt }, audit)).toEqual({
      by: { id: 7, name: "Alex Agent" },
      at: audit.createdAt,
    });
    const stale = { ...audit, createdAt: new Date("2026-11-22T09:00:00.000Z") };
    expect(lastSave({ updatedAt }, stale)).toEqual({ by: null, at: updatedAt });
    expect(lastSave({ updatedAt }, null)).toEqual({ by: null, at: updatedAt });
  });
});
