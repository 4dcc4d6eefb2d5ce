import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { recordUrl } from "../app-url";
import { usersWithKindOn } from "../notifications/preferences";
import { enqueueMail } from "../outbox/write";
import type { CaseRow } from "../case-store/row";

export type Decision = { accepted: true; major: string } | { accepted: false; reason: string };

/**
 * MAJ-1 / NOT-2: the agent who proposed the candidate hears the decision — unless they made it
 * themselves or turned "Major case decided" off. Accepted links the new major case; rejected gives
 * the reason and links the candidate. Queued in the decision's transaction (REL-4).
 */
export async function mailProposer(tx: Tx, actor: Actor, c: CaseRow, d: Decision) {
  if (!c.proposedById || c.proposedById === actor.id) return 0;
  const [proposer] = await usersWithKindOn(tx, [c.proposedById], "major_decided");
  if (!proposer) return 0;
  const subject = d.accepted
    ? `Major case accepted: ${c.number} is now a child of ${d.major}`
    : `Major case proposal rejected: ${c.number}`;
  const body = d.accepted
    ? `${actor.name} accepted ${c.number} (${c.shortDescription}) as a major case.\n\n` +
      `The major case is ${d.major}: ${recordUrl(TABLE.case, d.major)}`
    : `${actor.name} rejected your proposal of ${c.number} (${c.shortDescription}) as a major case.\n\n` +
      `Reason: ${d.reason}\n\n${recordUrl(TABLE.case, c.number)}`;
  await enqueueMail(tx, {
    dedupeKey: `major-decided:${c.id}:${c.version}:${proposer.id}`,
    recipient: proposer.email,
    subject,
    body,
    event: "case.major_decided",
    source: { table: TABLE.case, id: c.id },
  });
  return 1;
}
