import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAdmin, makeAgent, makeCase, makeManager } from "@/lib/testing/fixtures";
import { createIncidentFromCase } from "../incidents/link";
import { listOutbox, retryMessage } from "../outbox/admin";
import { listLookup, updateLookupRow } from "../priority/admin";
import { listRules, setRuleActive } from "./admin";

describe("administration of sync, lookup and outbox (ADM-2, ROLE-4)", () => {
  it("SYNC-1: the rules page lists each incident rule by name, table and trigger, active by default", async () => {
    const rules = await listRules(await makeAdmin());
    expect(rules.filter((r) => r.table === "incident").map((r) => r.name)).toEqual([
      "Update case worknote for state change",
      "Update case worknote for resolution",
      "Update case worknote for comments change",
    ]);
    expect(rules.every((r) => r.trigger && r.description)).toBe(true);
  });

  it("INC-5 / ADM-2: an admin's change to the lookup's order changes which row an incident from a case takes", async () => {
    const admin = await makeAdmin();
    const rows = await listLookup(admin);
    const low = rows.filter((r) => r.priority === 4);
    expect(low.map((r) => [r.impact, r.urgency])).toEqual([
      [2, 3],
      [3, 2],
    ]);
    const second = low[1];
    await updateLookupRow(admin, { id: second.id, priority: 4, order: 1, version: second.version });
    try {
      const agent = await makeAgent();
      const c = await makeCase(agent, { priority: 4 });
      const { incidentNumber } = await createIncidentFromCase(agent, c.number);
      expect(await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } })).toMatchObject({
        priority: 4,
        impact: 3,
        urgency: 2,
      });
    } finally {
      const now = await db().priorityLookup.findUniqueOrThrow({ where: { id: second.id } });
      await updateLookupRow(admin, { id: second.id, priority: 4, order: second.order, version: now.version });
    }
    await expect(
      updateLookupRow(admin, { id: second.id, priority: 4, order: 5, version: second.version }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("INC-5: a change leaving a case priority with no row is refused naming Priority; nothing changes", async () => {
    const admin = await makeAdmin();
    const critical = (await listLookup(admin)).filter((r) => r.priority === 1);
    expect(critical).toHaveLength(1);
    await expect(
      updateLookupRow(admin, {
        id: critical[0].id,
        priority: 2,
        order: critical[0].order,
        version: critical[0].version,
      }),
    ).rejects.toMatchObject({
      field: "priority",
      message: expect.stringContaining("No row would give priority 1 - Critical any more"),
    });
    expect(await db().priorityLookup.findUniqueOrThrow({ where: { id: critical[0].id } })).toMatchObject({
      priority: 1,
      version: critical[0].version,
    });
  });

  it("INC-5 / ADM-2: two admins each taking one of a priority's last two rows at once: one is refused, the priority keeps a row", async () => {
    const admin = await makeAdmin();
    const rows = await listLookup(admin);
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.priority, (counts.get(r.priority) ?? 0) + 1);
    const priority = [...counts].find(([, n]) => n === 2)![0];
    const other = rows.find((r) => r.priority !== priority)!.priority;
    for (let round = 0; round < 3; round++) {
      const pair = (await listLookup(admin)).filter((r) => r.priority === priority);
      const results = await Promise.allSettled(
        pair.map((r) =>
          updateLookupRow(admin, { id: r.id, priority: other, order: r.order, version: r.version }),
        ),
      );
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
      expect((await listLookup(admin)).filter((r) => r.priority === priority)).toHaveLength(1);
      // Put the row taken back, for the next round.
      const taken = (await listLookup(admin)).find(
        (r) => pair.some((p) => p.id === r.id) && r.priority === other,
      )!;
      await updateLookupRow(admin, { id: taken.id, priority, order: taken.order, version: taken.version });
    }
  });

  it("ROLE-4: only admins read or change rules, the lookup and the outbox", async () => {
    for (const who of [await makeAgent(), await makeManager()]) {
      await expect(listRules(who)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(
        setRuleActive(who, {
          table: "incident",
          name: "Update case worknote for comments change",
          active: false,
        }),
      ).rejects.toMatchObject({ kind: "forbidden" });
      await expect(listLookup(who)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(updateLookupRow(who, { id: 1, priority: 1, order: 1, version: 1 })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(listOutbox(who, {})).rejects.toMatchObject({ kind: "forbidden" });
      await expect(retryMessage(who, 1)).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(
      (await listRules(await makeAdmin())).find((r) => r.name === "Update case worknote for comments change")
        ?.active,
    ).toBe(true);
  });

  it("SYNC-1: switching an unknown rule is refused with a clear message", async () => {
    await expect(
      setRuleActive(await makeAdmin(), { table: "incident", name: "No such rule", active: false }),
    ).rejects.toMatchObject({
      kind: "invalid",
      message: 'There is no business rule "No such rule" on incident.',
    });
  });
});
