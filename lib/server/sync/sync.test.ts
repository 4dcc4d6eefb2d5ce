import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { IncidentState as S } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import { associateIncident, createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { updateIncident } from "../incidents/write";
import { setRuleActive } from "./admin";
import { runSync } from "./run";

const syncNotes = (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: caseId, kind: "work_notes", ruleName: { not: null } },
    orderBy: { id: "asc" },
  });
const version = async (number: string) =>
  (await db().incident.findUniqueOrThrow({ where: { number } })).version;

async function caseWithIncident() {
  const agent = await makeAgent();
  const itil = await makeItil();
  const c = await makeCase(agent);
  const { incidentNumber } = await createIncidentFromCase(agent, c.number);
  return { agent, itil, c, incidentNumber };
}

describe("incident updates reach case work notes (INC-6, SYNC)", () => {
  it("INC-6: on hold with a reason, a comment, then resolution — three notes, each linked to the incident and its rule", async () => {
    const { itil, c, incidentNumber } = await caseWithIncident();
    await updateIncident(itil, incidentNumber, {
      version: await version(incidentNumber),
      state: S.OnHold,
      onHoldReason: 4,
    });
    await postIncidentJournal(itil, incidentNumber, { comments: "Vendor is shipping a fix." });
    await updateIncident(itil, incidentNumber, {
      version: await version(incidentNumber),
      state: S.Resolved,
      resolutionCode: "Solution provided",
      resolutionNotes: "Fix applied.",
    });
    const notes = await syncNotes(c.id);
    expect(notes.map((n) => n.body)).toEqual([
      `Incident ${incidentNumber} state changed: New → On Hold\nOn hold reason: Awaiting Vendor`,
      `Incident ${incidentNumber} — additional comment from ${itil.name}:\nVendor is shipping a fix.`,
      `Incident ${incidentNumber} resolved.\nResolution code: Solution provided\nResolution notes: Fix applied.`,
    ]);
    expect(
      notes.every((n) => n.sourceTable === "incident" && n.sourceNumber === incidentNumber && n.eventKey),
    ).toBe(true);
    expect(notes.map((n) => n.ruleName)).toEqual([
      "Update case worknote for state change",
      "Update case worknote for comments change",
      "Update case worknote for resolution",
    ]);
  });

  it("INC-6: closing and cancelling note as well; work notes on the incident do not", async () => {
    const { itil, c, incidentNumber } = await caseWithIncident();
    await postIncidentJournal(itil, incidentNumber, { workNotes: "internal only" });
    await updateIncident(itil, incidentNumber, {
      version: await version(incidentNumber),
      state: S.Resolved,
      resolutionCode: "Duplicate",
      resolutionNotes: "dup",
    });
    await updateIncident(itil, incidentNumber, { version: await version(incidentNumber), state: S.Closed });
    expect((await syncNotes(c.id)).map((n) => n.body.split("\n")[0])).toEqual([
      `Incident ${incidentNumber} resolved.`,
      `Incident ${incidentNumber} closed.`,
    ]);

    const second = await caseWithIncident();
    await updateIncident(second.itil, second.incidentNumber, {
      version: await version(second.incidentNumber),
      state: S.Canceled,
    });
    expect((await syncNotes(second.c.id)).map((n) => n.body)).toEqual([
      `Incident ${second.incidentNumber} state changed: New → Canceled`,
    ]);
  });

  it("SYNC-1: deactivating 'Update case worknote for comments change' stops comment sync only", async () => {
    const admin = await makeAdmin();
    const { itil, c, incidentNumber } = await caseWithIncident();
    await setRuleActive(admin, {
      table: "incident",
      name: "Update case worknote for comments change",
      active: false,
    });
    try {
      await postIncidentJournal(itil, incidentNumber, { comments: "not copied" });
      await updateIncident(itil, incidentNumber, {
        version: await version(incidentNumber),
        state: S.InProgress,
      });
      expect((await syncNotes(c.id)).map((n) => n.ruleName)).toEqual([
        "Update case worknote for state change",
      ]);
    } finally {
      await setRuleActive(admin, {
        table: "incident",
        name: "Update case worknote for comments change",
        active: true,
      });
    }
  });

  it("SYNC-2: notes are written in the update's transaction — a failed update leaves none", async () => {
    const { itil, c, incidentNumber } = await caseWithIncident();
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await expect(
      transaction(async (tx) => {
        await runSync(tx, {
          type: "update",
          record: { table: "incident", id: incident.id, number: incidentNumber },
          version: 99,
          before: { state: S.New },
          after: { state: S.InProgress },
        });
        throw new Error("the update failed after its notes");
      }),
    ).rejects.toThrow("the update failed");
    expect(await syncNotes(c.id)).toEqual([]);
    await expect(
      updateIncident(itil, incidentNumber, { version: incident.version, state: S.OnHold }),
    ).rejects.toMatchObject({ field: "onHoldReason" });
    expect(await syncNotes(c.id)).toEqual([]);
  });

  it("SYNC-3: retrying the same update (double submit) writes no second note", async () => {
    const { itil, c, incidentNumber } = await caseWithIncident();
    const v = await version(incidentNumber);
    const submit = () => updateIncident(itil, incidentNumber, { version: v, state: S.InProgress });
    const results = await Promise.allSettled([submit(), submit(), submit()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(submit()).rejects.toMatchObject({ kind: "conflict" });
    expect(await syncNotes(c.id)).toHaveLength(1);
  });

  it("SYNC-3 / REL-2: 50 identical comment deliveries make one comment and one note per case", async () => {
    const { agent, itil, c, incidentNumber } = await caseWithIncident();
    const other = await makeCase(agent);
    await associateIncident(agent, other.number, incidentNumber);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        postIncidentJournal(itil, incidentNumber, {
          comments: "Same delivery",
          idempotencyKey: "email-msg-42",
        }),
      ),
    );
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect(
      await db().journalEntry.count({
        where: { table: TABLE.incident, recordId: incident.id, kind: "comments" },
      }),
    ).toBe(1);
    for (const id of [c.id, other.id])
      expect((await syncNotes(id)).filter((n) => n.body.includes("Same delivery"))).toHaveLength(1);
  });

  it("SYNC-3: running the rules twice for one event still leaves one note per case", async () => {
    const { c, incidentNumber } = await caseWithIncident();
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    const event = {
      type: "comment" as const,
      record: { table: "incident" as const, id: incident.id, number: incidentNumber },
      entryId: 123456,
      body: "twice",
      author: "x",
    };
    await transaction((tx) => runSync(tx, event));
    await transaction((tx) => runSync(tx, event));
    expect(await syncNotes(c.id)).toHaveLength(1);
  });

  it("SYNC-4: one comment reaches every linked case in one transaction", async () => {
    const { agent, itil, incidentNumber } = await caseWithIncident();
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    const more = await Promise.all(Array.from({ length: 120 }, () => makeCase(agent)));
    await db().case.updateMany({
      where: { id: { in: more.map((m) => m.id) } },
      data: { incidentId: incident.id },
    });
    await postIncidentJournal(itil, incidentNumber, { comments: "Broadcast" });
    const reached = await db().journalEntry.count({
      where: { table: TABLE.case, recordId: { in: more.map((m) => m.id) }, body: { contains: "Broadcast" } },
    });
    expect(reached).toBe(120);
  });
});
