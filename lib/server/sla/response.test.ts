// NOT-5: the response target runs from New to the first agent additional comment (or Accept) —
// whichever path brings that comment: the composer, Notify Customers (PRO-3), or a major case's
// comment copied to its children (MAJ-5). Before, only the composer stopped it, and notified cases
// breached their response SLA an hour later.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAgent, makeCase, makeCustomer, makeManager, unique } from "@/lib/testing/fixtures";
import { withSlaTargets } from "@/lib/testing/sla";
import { postCaseJournal } from "../cases/journal";
import { recordSlaBreaches } from "../jobs/sla";
import { addChildCase } from "../major/children";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { notifyCustomers } from "../proactive/notify";

const MIN = 60_000;
const response = (caseId: number) =>
  db().caseSla.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: "response" } } });
const caseDue = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).slaDueAt;

withSlaTargets([{ priority: 4, responseMinutes: 60, resolutionMinutes: 480, clock: "24x7" }]);

async function newCustomerCase(agent: Awaited<ReturnType<typeof makeAgent>>) {
  const { account, contact } = await makeCustomer();
  return makeCase(agent, { accountId: account.id, contactId: contact.id });
}

describe("an agent's comment meets the response SLA, on one case or many (NOT-5)", () => {
  it("NOT-5 / PRO-3: Notify Customers on New cases stops their response timers; none breaches later", async () => {
    const agent = await makeAgent();
    const cases = [await newCustomerCase(agent), await newCustomerCase(agent)];
    await notifyCustomers(agent, {
      cases: cases.map((c) => c.number).join(","),
      message: "We are aware of the outage.",
      requestId: unique("req"),
    });
    for (const c of cases) {
      const r = await response(c.id);
      expect(r.stoppedAt).not.toBeNull();
      expect(r.dueAt).toBeNull();
      // The resolution timer still runs, and is the case's due time now.
      const resolution = await db().caseSla.findUniqueOrThrow({
        where: { caseId_kind: { caseId: c.id, kind: "resolution" } },
      });
      expect(await caseDue(c.id)).toEqual(resolution.dueAt);
    }
    await recordSlaBreaches({ now: new Date(Date.now() + 61 * MIN) });
    for (const c of cases) expect((await response(c.id)).breachedAt).toBeNull();
  });

  it("NOT-5 / PRO-3: cases opened at different times each keep the time they counted when notified together", async () => {
    const agent = await makeAgent();
    const cases = [await newCustomerCase(agent), await newCustomerCase(agent), await newCustomerCase(agent)];
    const now = Date.now();
    // Opened 30, 20 and 10 minutes ago.
    for (const [i, c] of cases.entries())
      await db().caseSla.update({
        where: { caseId_kind: { caseId: c.id, kind: "response" } },
        data: { runningSince: new Date(now - (3 - i) * 10 * MIN), elapsedMs: 0 },
      });
    await notifyCustomers(agent, {
      cases: cases.map((c) => c.number).join(","),
      message: "Update on the outage.",
      requestId: unique("req"),
    });
    const counted = await Promise.all(cases.map(async (c) => (await response(c.id)).elapsedMs));
    counted.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual((3 - i) * 10 * MIN);
      expect(ms).toBeLessThan((3 - i) * 10 * MIN + MIN);
    });
  });

  it("NOT-5 / MAJ-5: a major case's comment copied to a New child stops the child's response timer", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const candidate = await newCustomerCase(agent);
    await proposeMajorCase(agent, candidate.number, {
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const child = await newCustomerCase(agent);
    await addChildCase(manager, major, child.number);
    expect((await response(child.id)).stoppedAt).toBeNull();
    await postCaseJournal(manager, major, { comments: "Engineers are on site.", confirmChildren: true });
    expect((await response(child.id)).stoppedAt).not.toBeNull();
  });

  it("NOT-5: a work note is no answer to the customer: the response timer runs on", async () => {
    const agent = await makeAgent();
    const c = await newCustomerCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "Looking into it" });
    expect((await response(c.id)).stoppedAt).toBeNull();
    await postCaseJournal(agent, c.number, { comments: "We are on it." });
    expect((await response(c.id)).stoppedAt).not.toBeNull();
  });
});
