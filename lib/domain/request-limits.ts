// REL-1: how large a form may be, shared by next.config.ts (Next's own limit on server action
// bodies), proxy.ts (which refuses larger ones early with a clear 413) and the form hook that
// shows the refusal.

/**
 * The largest legitimate form is a record form plus its journal composer: a few text fields of
 * at most 10,000 characters (journal) or 8,000 (description, notes). Four such fields at the
 * worst UTF-8 width (4 bytes a character) are 160 KB; 256 KB leaves room for the other fields
 * and the multipart framing, and stays far below Next's 1 MB default.
 */
export const ACTION_BODY_LIMIT_BYTES = 256 * 1024;

export const FORM_TOO_LARGE_MESSAGE =
  "The form is too large to send (the limit is 256 KB). Shorten the longest text and try again; nothing was saved.";
