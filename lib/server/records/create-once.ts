import "server-only";
import { isUniqueViolation } from "@/lib/db";
import { invalid } from "@/lib/domain/errors";

/** The record an earlier submission of the same form made, as its unique requestKey finds it. */
export type MadeEarlier = { id: number; number: string; openedById: number | null };

/**
 * REL-2: a New form (a case, an incident) submitted twice — a double click, a retry after a
 * timeout — makes one record. The form's key is stored on the record under a unique index: the
 * second insert fails (its transaction, number and emails included, rolls back), and the record
 * the first made is answered instead. A key someone else's form made is refused, as a key that
 * names nothing of theirs. Without a key (the Table API), every call creates.
 */
export async function createOnce<R extends { number: string }>(
  requestKey: string | undefined,
  actorId: number,
  create: () => Promise<R>,
  earlier: (requestKey: string) => Promise<MadeEarlier | null>,
): Promise<R | { id: number; number: string }> {
  try {
    return await create();
  } catch (e) {
    if (!requestKey || !isUniqueViolation(e)) throw e;
    const made = await earlier(requestKey);
    if (!made) throw e;
    if (made.openedById !== actorId)
      throw invalid("requestKey", "The form key is not valid; reload the page.");
    return { id: made.id, number: made.number };
  }
}
