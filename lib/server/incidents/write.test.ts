import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IncidentState as S } from "@/lib/domain/records/choices";
import { makeAgent, makeCustomer, makeItil } from "@/lib/testing/fixtures";
import { createIncident, updateIncident } from "./write";

describe("incident service (INC-8)", () => {
  it("REL-2 / INC-8: a New incident form sent several times at once, or again later, makes one incident and one caller email", async () => {
    const itil = await makeItil();
    const { contact } = await makeCustomer();
    const requestKey = `i${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const input = { shortDescription: `Once ${requestKey}`, callerId: contact.id, requestKey };
    const made = await Promise.all([1, 2, 3, 4].map(() => createIncident(itil, input)));
    expect(new Set(made.map((m) => m.number)).size).toBe(1);
    expect((await createIncident(itil, input)).number).toBe(made[0].number);
    expect(await db().incident.count({ where: { shortDescription: input.shortDescription } })).toBe(1);
    const incident = await db().incident.findUniqueOrThrow({ where: { number: made[0].number } });
    expect(
      await db().outboxMessage.count({ where: { sourceTable: "incident", sourceId: incident.id } }),
    ).toBe(1);
    await expect(createIncident(await makeItil(), input)).rejects.toMatchObject({ field: "requestKey" });
    // Without a key (the Table API), each call is a new incident.
    const a = await createIncident(itil, { shortDescription: `No key ${requestKey}` });
    const b = await createIncident(itil, { shortDescription: `No key ${requestKey}` });
    expect(a.number).not.toBe(b.number);
  });

  it("INC-5: changing impact or urgency recalculates priority from the lookup", async () => {
    const itil = await makeItil();
    const inc = await createIncident(itil, { shortDescription: "Disk full", impact: 3, urgency: 3 });
    expect((await db().incident.findUniqueOrThrow({ where: { id: inc.id } })).priority).toBe(5);
    await updateIncident(itil, inc.number, { version: 1, impact: 1, urgency: 2 });
    expect(await db().incident.findUniqueOrThrow({ where: { id: inc.id } })).toMatchObject({
      impact: 1,
      urgency: 2,
      priority: 2,
      version: 2,
    });
  });

  it("INC-8: On Hold without a reason is refused and changes nothing", async () => {
    const itil = await makeItil();
    const inc = await createIncident(itil, { shortDescription: "Waiting" });
    await expect(updateIncident(itil, inc.number, { version: 1, state: S.OnHold })).rejects.toMatchObject({
      field: "onHoldReason",
    });
    expect((await db().incident.findUniqueOrThrow({ where: { id: inc.id } })).state).toBe(S.New);
    await updateIncident(itil, inc.number, { version: 1, state: S.OnHold, onHoldReason: 4 });
    expect(await db().incident.findUniqueOrThrow({ where: { id: inc.id } })).toMatchObject({
      state: S.OnHold,
      onHoldReason: 4,
    });
  });

  it("REC-3: a Closed incident cannot be changed", async () => {
    const itil = await makeItil();
    const inc = await createIncident(itil, { shortDescription: "Done" });
    await updateIncident(itil, inc.number, {
      version: 1,
      state: S.Resolved,
      resolutionCode: "Solution provided",
      resolutionNotes: "ok",
    });
    await updateIncident(itil, inc.number, { version: 2, state: S.Closed });
    await expect(updateIncident(itil, inc.number, { version: 3, state: S.InProgress })).rejects.toThrow(
      "This incident is Closed and cannot be changed.",
    );
  });

  it("REC-6: a stale incident save is refused", async () => {
    const itil = await makeItil();
    const inc = await createIncident(itil, { shortDescription: "Race" });
    await updateIncident(itil, inc.number, { version: 1, shortDescription: "first" });
    await expect(
      updateIncident(itil, inc.number, { version: 1, shortDescription: "second" }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("REL-1: unknown callers and companies, and external assignees, are refused naming the field", async () => {
    const itil = await makeItil();
    await expect(
      createIncident(itil, { shortDescription: "x", callerId: 999_999_999 }),
    ).rejects.toMatchObject({ field: "callerId" });
    await expect(
      createIncident(itil, { shortDescription: "x", companyId: 999_999_999 }),
    ).rejects.toMatchObject({ field: "companyId" });
    const inc = await createIncident(itil, { shortDescription: "assign me" });
    const { contact } = await makeCustomer();
    await expect(
      updateIncident(itil, inc.number, { version: 1, assignedToId: contact.id }),
    ).rejects.toMatchObject({ field: "assignedToId" });
    await updateIncident(itil, inc.number, { version: 1, assignedToId: itil.id });
  });

  it("INC-8 / ROLE-2: only itil fulfillers change incidents", async () => {
    const itil = await makeItil();
    const agent = await makeAgent();
    const inc = await createIncident(itil, { shortDescription: "Mine" });
    await expect(
      updateIncident(agent, inc.number, { version: 1, state: S.InProgress }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(createIncident(agent, { shortDescription: "x" })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
