import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setThreshold } from "@/lib/testing/proactive";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { createIncidentFromCase, removeIncident } from "@/lib/server/incidents/link";
import { acceptMajorCase, proposeMajorCase } from "@/lib/server/major/propose";
import { createIncident } from "@/lib/server/incidents/write";
import { addFieldMapRow, removeFieldMapRow } from "@/lib/server/field-maps/admin";
import {
  makeAccount,
  makeAdmin,
  makeAgent,
  makeCustomer,
  makeCase,
  makeItil,
  makeManager,
  makeViewer,
} from "@/lib/testing/fixtures";
import { addAffectedAccount, listAffectedAccounts, removeAffectedAccount } from "./accounts";
import { createProactiveCases } from "./create";

afterEach(() => setThreshold(5));

async function incidentWith(accounts: number) {
  const itil = await makeItil();
  const incident = await createIncident(itil, {
    shortDescription: "Email outage",
    description: "Mail is down",
    impact: 1,
    urgency: 2,
  });
  const ids: number[] = [];
  for (let i = 0; i < accounts; i++) {
    const a = await makeAccount();
    await addAffectedAccount(itil, incident.number, { accountId: a.id });
    ids.push(a.id);
  }
  return { itil, incident, ids };
}

const casesOf = (incidentId: number) =>
  db().proactiveCase.findMany({
    where: { incidentId },
    include: { case: true },
    orderBy: { accountId: "asc" },
  });

describe("Create Proactive Cases (PRO-1, PRO-2)", () => {
  it("PRO-1: an incident with no affected account is refused with what to do, and nothing is made", async () => {
    const { itil, incident } = await incidentWith(0);
    const before = await db().case.count();
    await expect(createProactiveCases(itil, incident.number)).rejects.toMatchObject({
      kind: "invalid",
      field: "accountId",
      message: "Add an affected account first: this incident has none.",
    });
    expect(await db().case.count()).toBe(before);
    expect(await casesOf(incident.id)).toEqual([]);
  });

  it("PRO-1: below the threshold, one case per affected account, filled by the field map (PRO-2)", async () => {
    const { itil, incident, ids } = await incidentWith(3);
    const r = await createProactiveCases(itil, incident.number);
    expect(r.message).toBe("Created 3 cases; 0 accounts already had one");
    const rows = await casesOf(incident.id);
    expect(rows.map((r) => r.accountId)).toEqual(ids);
    for (const { case: c, accountId } of rows)
      expect(c).toMatchObject({
        accountId,
        shortDescription: "Email outage",
        description: "Mail is down",
        impact: 1,
        urgency: 2,
        priority: 2, // PRO-2: the lookup's 1 × 2 → 2
        incidentId: incident.id,
        proactive: true,
        channel: "proactive",
        state: 1,
        parentId: null,
        majorCaseState: "",
      });
    const notes = await db().journalEntry.count({
      where: { table: TABLE.case, recordId: { in: rows.map((r) => r.caseId) }, kind: "work_notes" },
    });
    expect(notes).toBe(3);
    const note = await db().journalEntry.findFirstOrThrow({
      where: { table: TABLE.incident, recordId: incident.id, kind: "work_notes" },
    });
    expect(note.body).toMatch(/^Create Proactive Cases: Created 3 cases; 0 accounts already had one/);
  });

  it("PRO-2: the account's primary contact is the proactive case's contact; an account without one gets none", async () => {
    const { itil, incident, ids } = await incidentWith(2);
    const { contact } = await makeCustomer();
    await db().user.update({ where: { id: contact.id }, data: { accountId: ids[0] } });
    await db().account.update({ where: { id: ids[0] }, data: { primaryContactId: contact.id } });
    await createProactiveCases(itil, incident.number);
    const rows = await casesOf(incident.id);
    expect(rows.map((r) => r.case.contactId)).toEqual([contact.id, null]);
  });

  it("INC-7: proactive cases linked to the incident suppress its external caller's incident mail", async () => {
    const itil = await makeItil();
    const { contact } = await makeCustomer();
    const incident = await createIncident(itil, { shortDescription: "Outage", callerId: contact.id });
    await addAffectedAccount(itil, incident.number, { accountId: (await makeAccount()).id });
    await createProactiveCases(itil, incident.number);
    const after = await db().incident.findUniqueOrThrow({ where: { number: incident.number } });
    expect(after.callerNotificationsSuppressed).toBe(true);
  });

  it("REC-1: the cases of one run get consecutive numbers from one reserved block", async () => {
    const { itil, incident } = await incidentWith(4);
    await createProactiveCases(itil, incident.number);
    const numbers = (await casesOf(incident.id))
      .map((r) => Number(r.case.number.slice(2)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  });

  it("PRO-1: a re-run, also after Remove Incident on a case, adds cases only for accounts without one", async () => {
    const { itil, incident } = await incidentWith(2);
    await createProactiveCases(itil, incident.number);
    const [first] = await casesOf(incident.id);
    await removeIncident(await makeAgent(), first.case.number);
    const again = await createProactiveCases(itil, incident.number);
    expect(again).toMatchObject({ created: 0, alreadyHad: 2 });
    expect(again.message).toBe("Created 0 cases; 2 accounts already had one");
    const later = await makeAccount();
    await addAffectedAccount(itil, incident.number, { accountId: later.id });
    expect((await createProactiveCases(itil, incident.number)).message).toBe(
      "Created 1 case; 2 accounts already had one",
    );
    expect(await db().proactiveCase.count({ where: { incidentId: incident.id } })).toBe(3);
  });

  it("PRO-1: at the threshold, one accepted major case without account and a child per account; later accounts join it", async () => {
    await setThreshold(3);
    const { itil, incident, ids } = await incidentWith(3);
    const r = await createProactiveCases(itil, incident.number);
    expect(r.created).toBe(4);
    const inc = await db().incident.findUniqueOrThrow({
      where: { id: incident.id },
      include: { proactiveMajorCase: true },
    });
    expect(inc.proactiveMajorCase).toMatchObject({
      number: r.majorCaseNumber,
      majorCaseState: "accepted",
      accountId: null,
      proactive: true,
      incidentId: incident.id,
    });
    const rows = await casesOf(incident.id);
    expect(rows.map((x) => x.accountId)).toEqual(ids);
    expect(rows.every((x) => x.case.parentId === inc.proactiveMajorCaseId)).toBe(true);

    await setThreshold(100); // the major case exists: a new account joins it whatever the threshold
    const later = await makeAccount();
    await addAffectedAccount(itil, incident.number, { accountId: later.id });
    expect((await createProactiveCases(itil, incident.number)).message).toBe(
      "Created 1 case; 3 accounts already had one",
    );
    const joined = await db().proactiveCase.findUniqueOrThrow({
      where: { incidentId_accountId: { incidentId: incident.id, accountId: later.id } },
      include: { case: true },
    });
    expect(joined.case.parentId).toBe(inc.proactiveMajorCaseId);
  });

  // MAJ-2: a Resolved major case takes no new children either (its close would close them unworked).
  for (const [label, state] of [
    ["Closed", CaseState.Closed],
    ["Resolved", CaseState.Resolved],
  ] as const)
    it(`PRO-1 / MAJ-2: once the incident's major case is ${label}, new accounts do not join it; a new major case takes them`, async () => {
      await setThreshold(2);
      const { itil, incident } = await incidentWith(2);
      const first = await createProactiveCases(itil, incident.number);
      await db().case.update({ where: { number: first.majorCaseNumber! }, data: { state } });
      for (let i = 0; i < 2; i++)
        await addAffectedAccount(itil, incident.number, { accountId: (await makeAccount()).id });
      const second = await createProactiveCases(itil, incident.number);
      expect(second.majorCaseNumber).not.toBeNull();
      expect(second.majorCaseNumber).not.toBe(first.majorCaseNumber);
      const inc = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
      const major = await db().case.findUniqueOrThrow({ where: { number: second.majorCaseNumber! } });
      expect(inc.proactiveMajorCaseId).toBe(major.id);
      expect(await db().case.count({ where: { parentId: major.id } })).toBe(2);
    });

  it("PRO-1 / MAJ-1: a major case accepted from a case of the incident takes the new accounts as its children, under the threshold too", async () => {
    await setThreshold(5);
    const agent = await makeAgent();
    const manager = await makeManager();
    const candidate = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, candidate.number);
    await proposeMajorCase(agent, candidate.number, {
      workNotes: "Stores down",
      businessImpact: "40 stores",
    });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const majorRow = await db().case.findUniqueOrThrow({ where: { number: major } });
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect(majorRow.incidentId).toBe(incident.id);
    const itil = await makeItil();
    for (let i = 0; i < 2; i++)
      await addAffectedAccount(itil, incidentNumber, { accountId: (await makeAccount()).id });
    const r = await createProactiveCases(itil, incidentNumber);
    expect(r.message).toBe("Created 2 cases; 0 accounts already had one");
    const rows = await casesOf(incident.id);
    expect(rows.map((x) => x.case.parentId)).toEqual([majorRow.id, majorRow.id]);
    expect(await db().case.count({ where: { incidentId: incident.id, majorCaseState: "accepted" } })).toBe(1);
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).proactiveMajorCaseId).toBe(
      majorRow.id,
    );
  });

  it("PRO-1: a major case moved to another incident takes that incident's accounts, no longer the first's", async () => {
    await setThreshold(5);
    const agent = await makeAgent();
    const manager = await makeManager();
    const candidate = await makeCase(agent);
    const { incidentNumber: a } = await createIncidentFromCase(agent, candidate.number);
    await proposeMajorCase(agent, candidate.number, { workNotes: "Down", businessImpact: "All" });
    const { major } = await acceptMajorCase(manager, candidate.number);
    const itil = await makeItil();
    await addAffectedAccount(itil, a, { accountId: (await makeAccount()).id });
    await createProactiveCases(itil, a);
    const m = await db().case.findUniqueOrThrow({ where: { number: major } });
    const incA = await db().incident.findUniqueOrThrow({ where: { number: a } });
    expect(incA.proactiveMajorCaseId).toBe(m.id);
    // The major case's incident is corrected to B (its Related Records).
    const b = await createIncident(itil, { shortDescription: "The real outage", impact: 2, urgency: 2 });
    await db().case.update({ where: { id: m.id }, data: { incidentId: b.id } });
    await addAffectedAccount(itil, b.number, { accountId: (await makeAccount()).id });
    await createProactiveCases(itil, b.number);
    expect((await db().incident.findUniqueOrThrow({ where: { id: b.id } })).proactiveMajorCaseId).toBe(m.id);
    expect(
      (await db().incident.findUniqueOrThrow({ where: { id: incA.id } })).proactiveMajorCaseId,
    ).toBeNull();
    // A's next account is planned as if A had no major case: an individual case, not M's child.
    await addAffectedAccount(itil, a, { accountId: (await makeAccount()).id });
    await createProactiveCases(itil, a);
    const rows = await casesOf(incA.id);
    expect(rows.map((x) => x.case.parentId)).toEqual([m.id, null]);
  });

  it("PRO-2: an admin's change to the incident → case map fills the next proactive cases", async () => {
    const admin = await makeAdmin();
    const { id } = await addFieldMapRow(admin, {
      mapName: "incident_to_case",
      sourceField: null,
      constantValue: "1",
      targetField: "priority",
      order: 800,
    });
    try {
      const { itil, incident } = await incidentWith(1);
      await createProactiveCases(itil, incident.number);
      const [row] = await casesOf(incident.id);
      expect(row.case.priority).toBe(1);
    } finally {
      await removeFieldMapRow(admin, { id, version: 1 });
    }
  });

  it("PRO-1: concurrent Create Proactive Cases makes one case per account", async () => {
    for (const runs of [2, 5]) {
      const { itil, incident, ids } = await incidentWith(4);
      const results = await Promise.allSettled(
        Array.from({ length: runs }, () => createProactiveCases(itil, incident.number)),
      );
      expect(results.every((r) => r.status === "fulfilled")).toBe(true);
      const created = results.map((r) => (r as PromiseFulfilledResult<{ created: number }>).value.created);
      expect(created.reduce((a, b) => a + b, 0)).toBe(4);
      const rows = await casesOf(incident.id);
      expect(rows.map((r) => r.accountId)).toEqual(ids);
      expect(await db().case.count({ where: { incidentId: incident.id } })).toBe(4);
    }
  });
});

describe("affected accounts (PRO-1, ROLE-2)", () => {
  it("PRO-1: adding an account twice is one row and one audit line; Remove takes it off, audited", async () => {
    const { itil, incident, ids } = await incidentWith(1);
    expect((await addAffectedAccount(itil, incident.number, { accountId: ids[0] })).added).toBe(false);
    expect(await db().incidentAffectedAccount.count({ where: { incidentId: incident.id } })).toBe(1);
    const audit = () =>
      db().auditEntry.findMany({
        where: { table: TABLE.incident, recordId: incident.id, field: "affected_accounts" },
      });
    expect(await audit()).toHaveLength(1);
    expect((await removeAffectedAccount(itil, incident.number, { accountId: ids[0] })).removed).toBe(true);
    expect(await db().incidentAffectedAccount.count({ where: { incidentId: incident.id } })).toBe(0);
    expect((await audit()).map((a) => a.newValue)).toContain(null);
  });

  it("PRO-1: the section counts proactive cases of the accounts affected now — one removed after its case no longer counts", async () => {
    const { itil, incident, ids } = await incidentWith(3);
    await createProactiveCases(itil, incident.number);
    await removeAffectedAccount(itil, incident.number, { accountId: ids[2] });
    const listed = await listAffectedAccounts(incident.id, null);
    expect(listed).toMatchObject({ total: 2, withCase: 2 });
    expect(listed.rows.every((r) => r.caseNumber !== null)).toBe(true);
  });

  it("ROLE-2: without incident write, adding, removing and Create Proactive Cases are refused and change nothing", async () => {
    const { incident, ids } = await incidentWith(1);
    const other = await makeAccount();
    const { contact } = await makeCustomer();
    for (const actor of [await makeViewer(), contact]) {
      await expect(addAffectedAccount(actor, incident.number, { accountId: other.id })).rejects.toMatchObject(
        {
          kind: "forbidden",
        },
      );
      await expect(
        removeAffectedAccount(actor, incident.number, { accountId: ids[0] }),
      ).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(createProactiveCases(actor, incident.number)).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(await db().incidentAffectedAccount.count({ where: { incidentId: incident.id } })).toBe(1);
    expect(await db().proactiveCase.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("PRO-1: an unknown account is refused naming the field", async () => {
    const { itil, incident } = await incidentWith(0);
    await expect(
      addAffectedAccount(itil, incident.number, { accountId: 2_000_000_000 }),
    ).rejects.toMatchObject({
      kind: "invalid",
      field: "accountId",
    });
  });

  it("PRO-1 / SET-2: a deactivated account is refused on Add; one deactivated after it was added gets no case and is not counted", async () => {
    const { itil, incident, ids } = await incidentWith(3);
    const gone = await makeAccount();
    await db().account.update({ where: { id: gone.id }, data: { active: false } });
    await expect(addAffectedAccount(itil, incident.number, { accountId: gone.id })).rejects.toMatchObject({
      field: "accountId",
      message: expect.stringContaining("is deactivated"),
    });
    // Three affected, one deactivated since: with the threshold at three, no major case — two cases.
    await db().account.update({ where: { id: ids[2] }, data: { active: false } });
    await setThreshold(3);
    const r = await createProactiveCases(itil, incident.number);
    expect(r.majorCaseNumber).toBeNull();
    expect((await casesOf(incident.id)).map((c) => c.accountId)).toEqual(ids.slice(0, 2));
    // Every one deactivated: the refusal says so, not "this incident has none".
    const { incident: all, ids: theirs } = await incidentWith(1);
    await db().account.update({ where: { id: theirs[0] }, data: { active: false } });
    await expect(createProactiveCases(itil, all.number)).rejects.toMatchObject({
      field: "accountId",
      message: "Every affected account of this incident is deactivated: add an active one.",
    });
  });
});
