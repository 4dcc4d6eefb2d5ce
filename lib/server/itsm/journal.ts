import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { notFound } from "@/lib/domain/errors";
import { journalPostSchema, type JournalPostInput } from "@/lib/domain/cases/schemas";
import { commentEvents } from "@/lib/domain/sync/events";
import { parseOrThrow } from "@/lib/domain/validation";
import { postEntries } from "../journal/post";
import { runSync } from "../sync/run";
import type { ItsmInput, ItsmRow, ItsmSpec } from "./specs";
import { assertCanWriteItsm, assertItsmPlugin } from "./update";

/** Work notes and additional comments on a problem, change or request; comments reach its cases (ITSM-3). */
export async function postItsmJournal<Row extends ItsmRow, Input extends ItsmInput>(
  spec: ItsmSpec<Row, Input>,
  actor: Actor,
  number: string,
  raw: JournalPostInput,
  outer?: Tx,
) {
  assertCanWriteItsm(actor);
  const input = parseOrThrow(journalPostSchema, raw);
  return inTransaction(outer, async (tx) => {
    await assertItsmPlugin(spec, tx);
    const current = await spec.find(tx, number);
    if (!current) throw notFound(`${spec.title} ${number}`);
    const posted = await postEntries(tx, { table: spec.table, recordId: current.id }, input, actor);
    for (const event of commentEvents({ table: spec.table, id: current.id, number }, posted, actor.name))
      await runSync(tx, event);
    return { number, posted: posted.length };
  });
}
