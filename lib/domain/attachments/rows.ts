// NOT-4 / PERF-1: a case's Attachments list as pages — the newest ATTACHMENTS_PAGE files on the
// case page (workspace and portal), each "Show older" the next ATTACHMENTS_PAGE by keyset
// (createdAt, id), like the journal. A thread of 500 mailed replies with a signature logo made the
// page read and render 500+ rows. Rows carry their time formatted here, on the server, as the
// journal's do (lib/domain/time-format.ts: never formatted in the browser).
import { formatDateTime, isoDateTime } from "../time-format";
import type { AttachmentItem } from "./files";

/** The files a case page lists at first, and how many each "Show older" adds. */
export const ATTACHMENTS_PAGE = 100;

/** One row of the list as the browser receives it (JSON too). */
export type AttachmentRow = {
  id: number;
  fileName: string;
  size: number;
  internalOnly: boolean;
  uploadedByName: string;
  /** ISO 8601: the cursor of "Show older" and the `<time>` element's value. */
  createdAt: string;
  /** As the workspace shows times. */
  at: string;
};

/** A page of the list; `more`: older files exist past it. */
export type AttachmentPage = { rows: AttachmentRow[]; more: boolean };

/** A page from up to `limit + 1` items read newest first (the one past the page says `more`). */
export function toAttachmentPage(items: readonly AttachmentItem[], limit = ATTACHMENTS_PAGE): AttachmentPage {
  return {
    rows: items.slice(0, limit).map((f) => ({
      id: f.id,
      fileName: f.fileName,
      size: f.size,
      internalOnly: f.internalOnly,
      uploadedByName: f.uploadedByName,
      createdAt: isoDateTime(f.createdAt),
      at: formatDateTime(f.createdAt),
    })),
    more: items.length > limit,
  };
}
