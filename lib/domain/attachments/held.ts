// NOT-4 / PERF-1: what a case's Attachments list holds in the browser as pages arrive — the first
// page from the server (again after each upload's refresh) and the older pages "Show older files"
// fetched. Pure, so the list's rules are tested without a browser; the hook is
// components/cases/attachments/use-older-attachments.ts. (No time formatting here: client code.)
import type { AttachmentPage, AttachmentRow } from "./rows";

/**
 * An unbroken run of the case's files from the newest down, and whether older ones exist below
 * its oldest (`tailMore`); `page`: the server's first page it was last told.
 */
export type Held = { page: AttachmentPage; rows: AttachmentRow[]; tailMore: boolean };

/** Newest first, each file once (pages overlap when files arrive between them). */
export function mergeRows(...lists: readonly (readonly AttachmentRow[])[]): AttachmentRow[] {
  const byId = new Map<number, AttachmentRow>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

export const heldFrom = (page: AttachmentPage): Held => ({ page, rows: page.rows, tailMore: page.more });

/**
 * A refreshed first page (after an upload): joined to what is held when it reaches down into it —
 * the run stays unbroken and its oldest file's "more" stands (a case of exactly 100 files offers
 * no Show older after the 101st). Otherwise more files arrived meanwhile than a page holds, and
 * keeping the held rows would leave a gap nothing fills: the list starts again from the new page.
 */
export function withFirstPage(held: Held, page: AttachmentPage): Held {
  const oldest = page.rows.at(-1);
  const joins = !oldest || held.rows.some((r) => r.id === oldest.id);
  return joins ? { page, rows: mergeRows(page.rows, held.rows), tailMore: held.tailMore } : heldFrom(page);
}

/**
 * An older page fetched from `from` (the oldest row held when asked): added below, unless the
 * list started again meanwhile and no longer holds `from` — then it would leave a gap.
 */
export function withOlderPage(held: Held, from: AttachmentRow, older: AttachmentPage): Held {
  if (!held.rows.some((r) => r.id === from.id)) return held;
  return { ...held, rows: mergeRows(held.rows, older.rows), tailMore: older.more };
}
