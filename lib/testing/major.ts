// A fixture for the MAJ tests: an accepted major case made from a new candidate, with children.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { addChildCase } from "@/lib/server/major/children";
import { acceptMajorCase, proposeMajorCase } from "@/lib/server/major/propose";
import { makeCase } from "./fixtures";

/**
 * The agent's case `candidate` (made with `overrides`) proposed and accepted by the manager; the
 * candidate is the major case's first child, and `more` new cases are added after it.
 */
export async function makeMajorCase(
  agent: Actor,
  manager: Actor,
  { more = 0, overrides = {} }: { more?: number; overrides?: Record<string, unknown> } = {},
) {
  const candidate = await makeCase(agent, overrides);
  await proposeMajorCase(agent, candidate.number, { workNotes: "Stores down", businessImpact: "40 stores" });
  const { major } = await acceptMajorCase(manager, candidate.number);
  const children = [candidate];
  for (let i = 0; i < more; i++) {
    const c = await makeCase(agent);
    await addChildCase(manager, major, c.number);
    children.push(c);
  }
  const row = await db().case.findUniqueOrThrow({ where: { number: major } });
  // The children as they are now (adding one changes its version).
  const rows = await db().case.findMany({
    where: { id: { in: children.map((c) => c.id) } },
    orderBy: { id: "asc" },
  });
  return { major: row, candidate, children: rows };
}
