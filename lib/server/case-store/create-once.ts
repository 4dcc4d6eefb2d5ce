import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { invalid } from "@/lib/domain/errors";

/**
 * REL-2: a New case form submitted twice — a double click, a retry after a timeout — makes one
 * case. The form's key is stored on the case under a unique index: the second insert fails (its
 * transaction, number included, rolls back), and the case the first made is answered instead. A
 * key someone else's form made is refused, as a key that names nothing of theirs. Without a key
 * (the Table API), every call creates.
 */
export async function createCaseOnce<R extends { number: string }>(
  requestKey: string | undefined,
  actorId: number,
  create: () => Promise<R>,
): Promise<R | { id: number; number: string }> {
  try {
    return await create();
  } catch (e) {
    if (!requestKey || !isUniqueViolation(e)) throw e;
    const earlier = await db().case.findUnique({
      where: { requestKey },
      select: { id: true, number: true, openedById: true },
    });
    if (!earlier) throw e;
    if (earlier.openedById !== actorId)
      throw invalid("requestKey", "The form key is not valid; reload the page.");
    return { id: earlier.id, number: earlier.number };
  }
}
