import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAgent, makeCase, makeCustomer, makeItil } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { updateCase } from "../cases/write";
import { createIncident } from "../incidents/write";
import { agentNotificationPreferences, setAgentNotification, usersWithKindOn } from "./preferences";

const offRows = (userId: number) => db().notificationOff.findMany({ where: { userId } });
const mailTo = (email: string) => db().outboxMessage.findMany({ where: { recipient: email } });
const enabled = async (actor: Awaited<ReturnType<typeof makeAgent>>) =>
  Object.fromEntries((await agentNotificationPreferences(actor)).map((p) => [p.kind, p.enabled]));

describe("agent notification preferences (NOT-2)", () => {
  it("NOT-2: every kind is on until turned off; off and on again round-trip, idempotently", async () => {
    const a = await makeAgent();
    expect(await enabled(a)).toEqual({
      assigned: true,
      customer_replied: true,
      sla: true,
      major_decided: true,
    });
    expect(await setAgentNotification(a, { kind: "customer_replied", enabled: "false" })).toEqual({
      kind: "customer_replied",
      enabled: false,
      changed: true,
    });
    expect((await setAgentNotification(a, { kind: "customer_replied", enabled: "false" })).changed).toBe(
      false,
    );
    expect(await enabled(a)).toEqual({
      assigned: true,
      customer_replied: false,
      sla: true,
      major_decided: true,
    });
    expect(await offRows(a.id)).toHaveLength(1);
    expect((await setAgentNotification(a, { kind: "customer_replied", enabled: "true" })).changed).toBe(true);
    expect((await setAgentNotification(a, { kind: "customer_replied", enabled: "true" })).changed).toBe(
      false,
    );
    expect(await enabled(a)).toEqual({
      assigned: true,
      customer_replied: true,
      sla: true,
      major_decided: true,
    });
    expect(await offRows(a.id)).toHaveLength(0);
  });

  it("NOT-2: two identical choices at once write one row", async () => {
    const a = await makeAgent();
    const results = await Promise.all(
      [1, 2, 3].map(() => setAgentNotification(a, { kind: "assigned", enabled: false })),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await offRows(a.id)).toHaveLength(1);
  });

  it("NOT-2: an unknown kind or a bad value is refused naming the field, and nothing is written", async () => {
    const a = await makeAgent();
    await expect(setAgentNotification(a, { kind: "sla_breached", enabled: "false" })).rejects.toMatchObject({
      kind: "invalid",
      field: "kind",
      message:
        "Notification must be one of: Assigned to me, Customer replied, SLA warnings, " +
        "Major case proposed, Major case decided.",
    });
    await expect(setAgentNotification(a, { kind: "assigned", enabled: "maybe" })).rejects.toMatchObject({
      field: "enabled",
    });
    expect(await offRows(a.id)).toHaveLength(0);
  });

  it("NOT-2: a person changes only their own choices; customers have none", async () => {
    const a = await makeAgent();
    const b = await makeAgent();
    await setAgentNotification(a, { kind: "assigned", enabled: "false", userId: String(b.id) } as object);
    expect(await offRows(a.id)).toHaveLength(1);
    expect(await offRows(b.id)).toHaveLength(0);
    const { contact } = await makeCustomer();
    await expect(agentNotificationPreferences(contact)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(setAgentNotification(contact, { kind: "assigned", enabled: "false" })).rejects.toMatchObject(
      { kind: "forbidden" },
    );
    expect(await offRows(contact.id)).toHaveLength(0);
  });

  it("NOT-2: usersWithKindOn keeps the active internal users who did not turn the kind off", async () => {
    const [on, off, inactive] = [await makeAgent(), await makeAgent(), await makeAgent()];
    const { contact } = await makeCustomer();
    await setAgentNotification(off, { kind: "assigned", enabled: false });
    await db().user.update({ where: { id: inactive.id }, data: { active: false } });
    const ids = [on.id, off.id, inactive.id, contact.id];
    expect((await usersWithKindOn(db(), ids, "assigned")).map((u) => u.id)).toEqual([on.id]);
    expect((await usersWithKindOn(db(), ids, "customer_replied")).map((u) => u.id)).toEqual([on.id, off.id]);
    expect(await usersWithKindOn(db(), [], "assigned")).toEqual([]);
  });
});

describe("assignment emails respect the choice (NOT-2, WRK-1)", () => {
  it("NOT-2: a group's queue emails the members who kept Assigned to me on, not the one who turned it off", async () => {
    const [mover, keeps, quiet] = [await makeAgent(), await makeAgent(), await makeAgent()];
    const { group } = await makeGroup(mover, keeps, quiet);
    await setAgentNotification(quiet, { kind: "assigned", enabled: "false" });
    const c = await makeCase(mover, {});
    await updateCase(mover, c.number, { version: c.version, assignmentGroupId: group.id });
    expect((await mailTo(keeps.email)).map((m) => m.subject)).toEqual([
      `Case ${c.number} is waiting in the ${group.name} queue`,
    ]);
    expect(await mailTo(quiet.email)).toHaveLength(0);
    // Assigned to them directly: still nothing; to the other member: emailed.
    await updateCase(mover, c.number, { version: c.version + 1, assignedToId: quiet.id });
    expect(await mailTo(quiet.email)).toHaveLength(0);
    await updateCase(mover, c.number, { version: c.version + 2, assignedToId: keeps.id });
    expect(await mailTo(keeps.email)).toHaveLength(2);
  });

  it("NOT-2: an incident assigned to someone who turned Assigned to me off sends them nothing", async () => {
    const itil = await makeItil();
    const quiet = await makeItil();
    const { group } = await makeGroup(itil, quiet);
    await setAgentNotification(quiet, { kind: "assigned", enabled: false });
    await createIncident(itil, {
      shortDescription: "Switch down",
      assignmentGroupId: group.id,
      assignedToId: quiet.id,
    });
    expect(await mailTo(quiet.email)).toHaveLength(0);
  });
});
