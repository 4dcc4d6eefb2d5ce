// MAJ-5 / POR-1: a major case's own customer answers its solution — but closing a major case closes
// its children with it, which only a major issue manager does (confirming how many). Before, the
// customer's Accept closed the major case alone and left its children open under a Closed major
// case that nobody could change or release.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState as S } from "@/lib/domain/records/choices";
import { makeAgent, makeCustomer, makeManager } from "@/lib/testing/fixtures";
import { makeMajorCase } from "@/lib/testing/major";
import { rejection } from "@/lib/testing/refusal";
import { runCaseAction } from "../cases/write";
import { acceptSolution, rejectSolution } from "./answers";
import { getPortalCase } from "./cases";

const row = (id: number) => db().case.findUniqueOrThrow({ where: { id } });

/** A major case of the customer's account with two children, resolved by the manager (children too). */
async function resolvedMajor() {
  const agent = await makeAgent();
  const manager = await makeManager();
  const { account, contact } = await makeCustomer();
  const { major, children } = await makeMajorCase(agent, manager, { more: 1 });
  await db().case.update({ where: { id: major.id }, data: { accountId: account.id, contactId: contact.id } });
  await runCaseAction(manager, major.number, {
    action: "propose_solution",
    version: (await row(major.id)).version,
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "The network is back",
    confirmChildren: true,
  });
  return { manager, contact, major: await row(major.id), children };
}

describe("a major case's customer and its solution (MAJ-5, POR-1)", () => {
  it("MAJ-5 / POR-1: Accept solution on a major case with children to close is refused and changes nothing; the portal offers only Reject", async () => {
    const { contact, major, children } = await resolvedMajor();
    expect(major.state).toBe(S.Resolved);
    const page = await getPortalCase(contact, major.number);
    expect([page.state, page.canAccept]).toEqual([S.Resolved, false]);
    const refused = await rejection(acceptSolution(contact, major.number, { version: major.version }));
    expect(refused.message).toMatch(/closes it together with them/);
    expect((await row(major.id)).state).toBe(S.Resolved);
    for (const c of children) expect((await row(c.id)).state).toBe(S.Resolved);
    // Reject stays theirs: the major case is open again.
    await rejectSolution(contact, major.number, {
      reason: "Still down at our site",
      idempotencyKey: "major-reject",
      version: major.version,
    });
    expect((await row(major.id)).state).toBe(S.Open);
  });

  it("MAJ-5 / POR-1: once the manager closed its children, the major case's customer accepts as on any case", async () => {
    const { manager, contact, major, children } = await resolvedMajor();
    for (const c of children)
      await runCaseAction(manager, c.number, { action: "close", version: (await row(c.id)).version });
    expect((await getPortalCase(contact, major.number)).canAccept).toBe(true);
    await acceptSolution(contact, major.number, { version: major.version });
    expect((await row(major.id)).state).toBe(S.Closed);
  });
});
