import "server-only";
import type { Tx } from "@/lib/db";
import { stopResponseSlas } from "../sla/response";

/** Cases that have just received an agent's additional comment (one, or a batch). */
export type AgentComment = { tx: Tx; caseIds: readonly number[]; at: Date };

/**
 * What follows an agent's additional comment reaching cases, in other areas — one visible, named
 * list, run inside the comment's transaction: by the composer (postCaseJournal), Notify Customers
 * (PRO-3) and a major case's comment copied to its children (MAJ-5). The comment's email to the
 * customer is not here: each path queues it with its own deduplication key.
 */
export const AGENT_COMMENT_FOLLOW_UPS: readonly {
  name: string;
  run: (c: AgentComment) => Promise<unknown>;
}[] = [
  {
    // NOT-5: the response target runs from New to the first agent additional comment (or Accept).
    name: "Meet the response SLA",
    run: (c) => stopResponseSlas(c.tx, c.caseIds, c.at),
  },
];

export async function runAgentCommentFollowUps(tx: Tx, caseIds: readonly number[], at = new Date()) {
  if (!caseIds.length) return;
  for (const f of AGENT_COMMENT_FOLLOW_UPS) await f.run({ tx, caseIds, at });
}
