import { describe, expect, it } from "vitest";
import { heldFrom, withFirstPage, withOlderPage } from "./held";
import type { AttachmentRow } from "./rows";

/** Files f<n>, newer as n grows. */
const f = (n: number): AttachmentRow => ({
  id: n,
  fileName: `f${n}`,
  size: 1,
  internalOnly: false,
  uploadedByName: "x",
  createdAt: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
  at: "",
});
/** The newest `size` of files 1..newest, as the server answers. */
const firstPage = (newest: number, size = 100) => {
  const rows = Array.from({ length: Math.min(size, newest) }, (_, i) => f(newest - i));
  return { rows, more: newest > size };
};
const names = (rows: AttachmentRow[]) => rows.map((r) => r.id);

describe("the Attachments list in the browser (NOT-4, PERF-1)", () => {
  it("NOT-4 / PERF-1: a first page after an upload joins the held rows; Show older goes on from the oldest", () => {
    let held = heldFrom(firstPage(105));
    held = withFirstPage(held, firstPage(106)); // one upload
    expect(names(held.rows)).toEqual(Array.from({ length: 101 }, (_, i) => 106 - i));
    expect(held.tailMore).toBe(true);
    const from = held.rows.at(-1)!;
    expect(from.id).toBe(6);
    held = withOlderPage(held, from, { rows: [5, 4, 3, 2, 1].map(f), more: false });
    expect(names(held.rows)).toEqual(Array.from({ length: 106 }, (_, i) => 106 - i));
    expect(held.tailMore).toBe(false);
  });

  it("NOT-4: exactly 100 files, then one more: all 101 listed and no Show older that would load nothing", () => {
    const held = withFirstPage(heldFrom(firstPage(100)), firstPage(101));
    expect(held.rows).toHaveLength(101);
    expect(held.tailMore).toBe(false);
  });

  it("NOT-4: more files arrived than a page holds: the list starts again from the new page, leaving no gap", () => {
    let held = heldFrom(firstPage(150)); // 150..51, more
    held = withFirstPage(held, firstPage(271)); // 120 mailed meanwhile, then an upload: 271..172
    expect(names(held.rows)[0]).toBe(271);
    expect(names(held.rows).at(-1)).toBe(172);
    expect(held.tailMore).toBe(true);
    // An older page asked for before the restart does not land below the new run.
    const late = withOlderPage(held, f(51), { rows: [50, 49].map(f), more: true });
    expect(late).toBe(held);
  });
});
