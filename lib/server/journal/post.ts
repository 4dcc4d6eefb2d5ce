import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import { appendJournal, checkJournalBody, type JournalKind } from "./write";

export type PostInput = { workNotes?: string; comments?: string; idempotencyKey?: string };
export type Posted = { kind: JournalKind; id: number; body: string }[];

/**
 * The journal composer: posts a work note and/or an additional comment on one record.
 * With an idempotency key, a double submit or retry writes nothing new (SYNC-3, REL-2).
 */
export async function postEntries(
  tx: Tx,
  target: { table: string; recordId: number },
  input: PostInput,
  actor: Actor,
  allowed: { workNotes: boolean; comments: boolean } = { workNotes: true, comments: true },
): Promise<Posted> {
  const wanted: { kind: JournalKind; field: string; text: string }[] = [];
  if (input.workNotes?.trim()) wanted.push({ kind: "work_notes", field: "workNotes", text: input.workNotes });
  if (input.comments?.trim()) wanted.push({ kind: "comments", field: "comments", text: input.comments });
  if (!wanted.length)
    throw invalid("workNotes", "Write a work note or an additional comment before posting.");
  const posted: Posted = [];
  for (const w of wanted) {
    if (w.kind === "work_notes" && !allowed.workNotes)
      throw invalid(w.field, "You cannot add work notes here.");
    if (w.kind === "comments" && !allowed.comments)
      throw invalid(w.field, "You cannot add additional comments here.");
    const body = checkJournalBody(w.text, w.field);
    const id = await appendJournal(tx, {
      ...target,
      kind: w.kind,
      body,
      author: { id: actor.id, name: actor.name },
      idempotencyKey: input.idempotencyKey ? `${input.idempotencyKey}:${w.kind}` : null,
    });
    if (id !== null) posted.push({ kind: w.kind, id, body });
  }
  return posted;
}
