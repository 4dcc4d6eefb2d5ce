import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { IncidentState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import {
  makeAdmin,
  makeAgent,
  makeCase,
  makeCustomer,
  makeItil,
  makeUser,
  makeViewer,
} from "@/lib/testing/fixtures";
import { getCaseView } from "../cases/view";
import { updateProperty } from "../properties/admin";
import { nextNumber } from "../records/numbers";
import { associateIncident, createIncidentFromCase, removeIncident } from "./link";
import { createIncident, updateIncident } from "./write";
import { setRelatedRecords } from "../cases/related-records";

/** The incident items of the case's Additional actions menu. */
const incidentItems = async (actor: Parameters<typeof getCaseView>[0], number: string) =>
  (await getCaseView(actor, number)).menu.filter((i) => i.includes("Incident"));

const caseNotes = async (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: caseId, kind: "work_notes" },
    orderBy: { id: "asc" },
  });

async function withLookup<T>(on: boolean, fn: () => Promise<T>) {
  const admin = await makeAdmin();
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.incidentDataLookup } });
  const current = row?.value ?? "true";
  if (current !== String(on))
    await updateProperty(admin, {
      name: PROPERTY.incidentDataLookup,
      value: String(on),
      version: row?.version ?? 0,
    });
  try {
    return await fn();
  } finally {
    const now = await db().systemProperty.findUnique({ where: { name: PROPERTY.incidentDataLookup } });
    if (now && now.value !== current)
      await updateProperty(admin, {
        name: PROPERTY.incidentDataLookup,
        value: current,
        version: now.version,
      });
  }
}

describe("Create Incident from a case", () => {
  it("INC-1: copies the case's fields, links the incident, notes it on the case; the incident lists the case", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const asset = await transaction(async (tx) =>
      tx.asset.create({
        data: { number: await nextNumber(tx, "asset"), name: "Router", accountId: account.id },
      }),
    );
    const c = await makeCase(agent, {
      shortDescription: "Site offline",
      description: "All branches",
      accountId: account.id,
      contactId: contact.id,
      assetId: asset.id,
      priority: 2,
    });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const incident = await db().incident.findUniqueOrThrow({
      where: { number: incidentNumber },
      include: { cases: true },
    });
    expect(incident).toMatchObject({
      shortDescription: "Site offline",
      description: "All branches",
      callerId: contact.id,
      companyId: account.id,
      assetId: asset.id,
      openedById: agent.id,
    });
    expect(incident.cases.map((x) => x.number)).toEqual([c.number]);
    const notes = await caseNotes(c.id);
    expect(notes.at(-1)).toMatchObject({
      body: `Incident ${incidentNumber} created from this case.`,
      sourceTable: "incident",
      sourceNumber: incidentNumber,
    });
    expect(await incidentItems(agent, c.number)).toEqual(["Remove Incident"]);
    expect((await getCaseView(agent, c.number)).record.incident?.number).toBe(incidentNumber);
  });

  it("INC-5: lookup on — case priority copied, impact and urgency from the first matching row", async () => {
    await withLookup(true, async () => {
      const agent = await makeAgent();
      const c = await makeCase(agent, { priority: 2 });
      const { incidentNumber } = await createIncidentFromCase(agent, c.number);
      expect(await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } })).toMatchObject({
        priority: 2,
        impact: 1,
        urgency: 2,
      });
    });
  });

  it("INC-5: lookup off — priority 5 Planning, impact 3 Low, urgency 3 Low", async () => {
    await withLookup(false, async () => {
      const agent = await makeAgent();
      const c = await makeCase(agent, { priority: 1 });
      const { incidentNumber } = await createIncidentFromCase(agent, c.number);
      expect(await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } })).toMatchObject({
        priority: 5,
        impact: 3,
        urgency: 3,
      });
    });
  });

  it("INC-1: the case's problem and changes travel to the incident", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const problem = await transaction(async (tx) =>
      tx.problem.create({ data: { number: await nextNumber(tx, "problem"), shortDescription: "root" } }),
    );
    await db().case.update({ where: { id: c.id }, data: { problemId: problem.id } });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    expect((await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } })).problemId).toBe(
      problem.id,
    );
  });

  it("INC-2 / REL-2: 50 concurrent Create Incident on one case make exactly one incident and one link", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent, { shortDescription: "Concurrent create" });
    const before = await db().incident.count();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => createIncidentFromCase(agent, c.number)),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused)
      expect(r.reason).toMatchObject({
        kind: "conflict",
        message: expect.stringMatching(/^This case already has an incident \(INC\d{7}\)\.$/),
      });
    expect(await db().incident.count()).toBe(before + 1);
    const linked = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(linked.incidentId).not.toBeNull();
    expect((await caseNotes(c.id)).filter((n) => n.body.endsWith("created from this case."))).toHaveLength(1);
  });

  it("INC-2: a second Create or Associate on a case with an incident is refused by the server", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const other = await createIncident(itil, { shortDescription: "other" });
    await expect(createIncidentFromCase(agent, c.number)).rejects.toMatchObject({
      kind: "conflict",
      message: `This case already has an incident (${incidentNumber}).`,
    });
    await expect(associateIncident(agent, c.number, other.number)).rejects.toMatchObject({
      kind: "conflict",
    });
  });

  it("ROLE-1: an agent with only sn_incident_read, or no incident role, is refused when calling directly", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    for (const who of [await makeViewer(), await makeUser([ROLE.agent])]) {
      await expect(createIncidentFromCase(who, c.number)).rejects.toMatchObject({ kind: "forbidden" });
      expect(await incidentItems(who, c.number)).toEqual([]);
    }
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBeNull();
  });

  it("ITSM-5: with com.sn_cs_sm inactive the server refuses Create Incident", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await db().plugin.upsert({
      where: { id: PLUGIN.serviceManagement },
      create: { id: PLUGIN.serviceManagement, name: "x", description: "x", active: false },
      update: { active: false },
    });
    try {
      await expect(createIncidentFromCase(agent, c.number)).rejects.toMatchObject({
        kind: "forbidden",
        message: expect.stringMatching(/com\.sn_cs_sm/),
      });
      expect(await incidentItems(agent, c.number)).toEqual([]);
    } finally {
      await db().plugin.update({ where: { id: PLUGIN.serviceManagement }, data: { active: true } });
    }
  });
});

describe("Associate and Remove Incident", () => {
  it("INC-3: an open incident is associated; a resolved one is refused", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const done = await createIncident(itil, { shortDescription: "old" });
    await updateIncident(itil, done.number, {
      version: 1,
      state: IncidentState.Resolved,
      resolutionCode: "Duplicate",
      resolutionNotes: "dup",
    });
    await expect(associateIncident(agent, c.number, done.number)).rejects.toMatchObject({
      field: "incident",
      message: `Incident ${done.number} is Resolved; only open incidents can be associated.`,
    });
    const open = await createIncident(itil, { shortDescription: "open one" });
    await associateIncident(agent, c.number, open.number);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBe(open.id);
    expect((await caseNotes(c.id)).at(-1)?.body).toBe(`Associated with incident ${open.number}.`);
  });

  it("INC-4 / REC-6: Remove Incident confirmed for one incident does not remove another linked meanwhile", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const { incidentNumber: shown } = await createIncidentFromCase(agent, c.number);
    // Someone replaces it through Related Records while the confirmation is open.
    const { incidentNumber: other } = await createIncidentFromCase(agent, (await makeCase(agent)).number);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    await setRelatedRecords(agent, c.number, { version: row.version, incident: other });
    await expect(removeIncident(agent, c.number, shown)).rejects.toMatchObject({
      kind: "conflict",
      field: "incident",
    });
    const linked = await db().case.findUniqueOrThrow({ where: { id: c.id }, include: { incident: true } });
    expect(linked.incident?.number).toBe(other);
    await removeIncident(agent, c.number, other);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBeNull();
  });

  it("INC-4: Remove Incident unlinks it, notes both records, and leaves the incident as it was", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const before = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await removeIncident(agent, c.number);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBeNull();
    const after = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect({
      state: after.state,
      shortDescription: after.shortDescription,
      priority: after.priority,
    }).toEqual({ state: before.state, shortDescription: before.shortDescription, priority: before.priority });
    expect((await caseNotes(c.id)).at(-1)?.body).toBe(`Incident ${incidentNumber} removed from this case.`);
    const incidentNotes = await db().journalEntry.findMany({
      where: { table: TABLE.incident, recordId: after.id },
    });
    expect(incidentNotes.map((n) => n.body)).toContain(`Case ${c.number} removed its link to this incident.`);
    expect(await incidentItems(agent, c.number)).toEqual(["Create Incident", "Associate Incident"]);
  });
});

describe("incident notifications (INC-7, REL-4)", () => {
  const mails = (incidentId: number) =>
    db().outboxMessage.findMany({
      where: { sourceTable: "incident", sourceId: incidentId },
      orderBy: { id: "asc" },
    });

  it("INC-7: an incident created from a case with an external caller records its mails as suppressed", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect(incident.callerNotificationsSuppressed).toBe(true);
    await updateIncident(itil, incidentNumber, {
      version: incident.version,
      state: IncidentState.OnHold,
      onHoldReason: 4,
    });
    const m = await mails(incident.id);
    expect(m.map((x) => [x.event, x.status])).toEqual([
      ["incident.opened", "suppressed"],
      ["incident.on_hold", "suppressed"],
    ]);
    expect(m[0]).toMatchObject({ recipient: contact.email, reason: expect.stringMatching(/external/) });
  });

  it("INC-7: an incident whose caller is internal mails normally; associating an external caller's incident suppresses from then on", async () => {
    const itil = await makeItil();
    const agent = await makeAgent();
    const internal = await createIncident(itil, { shortDescription: "internal caller", callerId: agent.id });
    expect((await mails(internal.id)).map((x) => x.status)).toEqual(["pending"]);

    const { contact } = await makeCustomer();
    const external = await createIncident(itil, {
      shortDescription: "external caller",
      callerId: contact.id,
    });
    expect((await mails(external.id)).map((x) => x.status)).toEqual(["pending"]);
    const c = await makeCase(agent);
    await associateIncident(agent, c.number, external.number);
    const v = (await db().incident.findUniqueOrThrow({ where: { id: external.id } })).version;
    await updateIncident(itil, external.number, { version: v, state: IncidentState.OnHold, onHoldReason: 1 });
    expect((await mails(external.id)).map((x) => [x.event, x.status])).toEqual([
      ["incident.opened", "pending"],
      ["incident.on_hold", "suppressed"],
    ]);
  });

  it("INC-7: a caller deactivated since the incident was opened is emailed nothing more", async () => {
    const itil = await makeItil();
    const agent = await makeAgent();
    const incident = await createIncident(itil, { shortDescription: "caller leaves", callerId: agent.id });
    await db().user.update({ where: { id: agent.id }, data: { active: false } });
    const v = (await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).version;
    await updateIncident(itil, incident.number, { version: v, state: IncidentState.OnHold, onHoldReason: 1 });
    expect((await mails(incident.id)).map((x) => x.event)).toEqual(["incident.opened"]);
  });
});
