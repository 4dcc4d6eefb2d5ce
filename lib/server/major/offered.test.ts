// MAJ-1 / MAJ-2: a major case's controls appear only where they work — Accept/Reject on an open
// candidate, Add child cases on an open major case (a Resolved one takes no new children).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAgent, makeCase, makeManager } from "@/lib/testing/fixtures";
import { getCaseView } from "../cases/view";
import { runCaseAction } from "../cases/write";
import { acceptMajorCase, proposeMajorCase } from "./propose";

const version = async (number: string) => (await db().case.findUniqueOrThrow({ where: { number } })).version;

describe("major case controls offered only where they work (MAJ-1, MAJ-2)", () => {
  it("MAJ-1: a candidate cancelled meanwhile offers no Accept or Reject", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "Stores down", businessImpact: "40 stores" });
    expect((await getCaseView(manager, c.number)).permissions.decideMajor).toBe(true);
    await runCaseAction(agent, c.number, { action: "cancel", version: await version(c.number) });
    expect((await getCaseView(manager, c.number)).permissions.decideMajor).toBe(false);
  });

  it("MAJ-2: a Resolved major case offers no Add child cases", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "Stores down", businessImpact: "40 stores" });
    const { major } = await acceptMajorCase(manager, c.number);
    expect((await getCaseView(manager, major)).permissions.addChildren).toBe(true);
    await runCaseAction(manager, major, { action: "accept", version: await version(major) }).catch(
      () => undefined,
    );
    await runCaseAction(manager, major, {
      action: "propose_solution",
      version: await version(major),
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "Provider fixed it",
      confirmChildren: true,
    });
    const view = await getCaseView(manager, major);
    expect(view.record.state).toBe(CaseState.Resolved);
    expect(view.permissions.addChildren).toBe(false);
  });
});
