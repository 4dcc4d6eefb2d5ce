import "server-only";
import { transaction } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { runSync } from "../sync/run";
import type { ItsmSpec } from "./specs";
import { assertCanWriteItsm } from "./update";

/** Work notes and additional comments on a problem, change or request; comments reach its cases (ITSM-3). */
export async function postItsmJournal(spec: ItsmSpec, actor: Actor, number: string, raw: JournalPostInput) {
  assertCanWriteItsm(actor);
  const input = parseOrThrow(journalPostSchema, raw);
  return transaction(async (tx) => {
    const current = await spec.find(tx, number);
    if (!current) throw notFound(`${spec.title} ${number}`);
    const posted = await postEntries(tx, { table: spec.table, recordId: current.id }, input, actor);
    for (const entry of posted.filter((p) => p.kind === "comments")) {
      await runSync(tx, { type: "comment", record: { table: spec.table, id: current.id, number }, entryId: entry.id, body: entry.body, author: actor.name });
    }
    return { number, posted: posted.length };
  });
}
