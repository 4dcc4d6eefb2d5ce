import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isMajorIssueManager, ROLE } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAccount, makeAgent, makeCase, makeManager, makeUser } from "@/lib/testing/fixtures";
import { loadActor } from "../auth/load-actor";
import { setAgentNotification } from "../notifications/preferences";
import { acceptMajorCase, proposeMajorCase, rejectMajorCase } from "./propose";

const MIM = ROLE.majorIssueManager;

describe("who is told about a major case candidate (MAJ-1)", () => {
  it("MAJ-1: the proposal email reaches exactly the users the server lets accept it", async () => {
    const account = await makeAccount();
    const external = { kind: "contact" as const, accountId: account.id };
    // Every combination that matters, with whether it may accept (isMajorIssueManager).
    const combos: [string, Promise<{ id: number; email: string }>, boolean][] = [
      ["major issue manager only", makeUser([MIM]), false],
      ["itil only", makeUser([ROLE.itil]), false],
      ["major issue manager and itil", makeUser([MIM, ROLE.itil]), true],
      ["manager, major issue manager and itil", makeUser([ROLE.manager, MIM, ROLE.itil]), true],
      ["admin", makeUser([ROLE.admin]), true],
      ["admin and itil", makeUser([ROLE.admin, ROLE.itil]), true],
      ["external with both roles", makeUser([MIM, ROLE.itil], external), false],
      ["external admin", makeUser([ROLE.admin, ROLE.external], external), false],
      ["internal flagged snc_external", makeUser([MIM, ROLE.itil, ROLE.external]), false],
      ["inactive, both roles", makeUser([MIM, ROLE.itil]), false],
      ["inactive admin", makeUser([ROLE.admin]), false],
    ];
    const users = await Promise.all(combos.map(([, u]) => u));
    const inactive = users.filter((_, i) => combos[i][0].startsWith("inactive"));
    await db().user.updateMany({ where: { id: { in: inactive.map((u) => u.id) } }, data: { active: false } });

    const agent = await makeAgent();
    const c = await makeCase(agent);
    const { notified } = await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    const mails = await db().outboxMessage.findMany({
      where: { sourceTable: TABLE.case, sourceId: c.id, event: "case.major_proposed" },
    });
    const recipients = mails.map((m) => m.recipient).sort();
    expect(notified).toBe(recipients.length);

    // The server's accept check, applied to every user there is (loadActor → isMajorIssueManager).
    const everyone = await db().user.findMany({ select: { id: true, email: true } });
    const allowed: string[] = [];
    for (const u of everyone) {
      const actor = await loadActor(u.id);
      if (actor && isMajorIssueManager(actor)) allowed.push(u.email);
    }
    expect(recipients).toEqual(allowed.sort());
    combos.forEach(([what, , mayAccept], i) =>
      expect(recipients.includes(users[i].email), what).toBe(mayAccept),
    );
  });

  it("MAJ-1 / NOT-2: a manager who turned Major case proposed off is not emailed; the others get a link to decide", async () => {
    const [quiet, told] = [await makeManager(), await makeManager()];
    const agent = await makeAgent();
    await expect(
      setAgentNotification(agent, { kind: "major_proposed", enabled: false }),
    ).rejects.toMatchObject({
      field: "kind",
      message: "Major case proposed is not a notification you get.",
    });
    expect((await setAgentNotification(quiet, { kind: "major_proposed", enabled: false })).changed).toBe(
      true,
    );
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    const mails = await db().outboxMessage.findMany({
      where: { sourceTable: TABLE.case, sourceId: c.id, event: "case.major_proposed" },
    });
    expect(mails.map((m) => m.recipient)).not.toContain(quiet.email);
    const mail = mails.find((m) => m.recipient === told.email);
    expect(mail?.body).toMatch(new RegExp(`Accept or reject it here: https?://\\S+/cases/${c.number}$`));
  });

  it("MAJ-1 / NOT-2: the proposer hears the decision — the new major case, or the reason — unless they turned it off", async () => {
    const manager = await makeManager();
    const agent = await makeAgent();
    const mailsTo = (id: number) =>
      db().outboxMessage.findMany({
        where: { sourceTable: TABLE.case, sourceId: id, event: "case.major_decided" },
      });

    const rejected = await makeCase(agent);
    await proposeMajorCase(agent, rejected.number, { workNotes: "n", businessImpact: "b" });
    await rejectMajorCase(manager, rejected.number, "One store only");
    const [no] = await mailsTo(rejected.id);
    expect(no).toMatchObject({
      recipient: agent.email,
      subject: `Major case proposal rejected: ${rejected.number}`,
    });
    expect(no.body).toContain("Reason: One store only");

    const accepted = await makeCase(agent);
    await proposeMajorCase(agent, accepted.number, { workNotes: "n", businessImpact: "b" });
    const { major } = await acceptMajorCase(manager, accepted.number);
    const [yes] = await mailsTo(accepted.id);
    expect(yes.subject).toBe(`Major case accepted: ${accepted.number} is now a child of ${major}`);
    expect(yes.body).toContain(`/cases/${major}`);

    // Turned off, or deciding on one's own proposal: no email.
    await setAgentNotification(agent, { kind: "major_decided", enabled: false });
    const quiet = await makeCase(agent);
    await proposeMajorCase(agent, quiet.number, { workNotes: "n", businessImpact: "b" });
    await rejectMajorCase(manager, quiet.number, "No");
    const own = await makeCase(manager);
    await proposeMajorCase(manager, own.number, { workNotes: "n", businessImpact: "b" });
    await rejectMajorCase(manager, own.number, "Mine");
    expect([...(await mailsTo(quiet.id)), ...(await mailsTo(own.id))]).toEqual([]);
  });
});
