import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { WORK_ORDER_STATE_RULE } from "@/lib/domain/sync/work-order-rules";
import { makeAdmin, makeAgent, makeCustomer, makeItil } from "@/lib/testing/fixtures";
import { fieldError, makeFieldCase, makeWorkOrder, setPlugin } from "@/lib/testing/work-orders";
import { pollJournal } from "../journal/live";
import { listRules, setRuleActive } from "../sync/admin";
import { updateWorkOrder } from "./update";

const notesOf = (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: caseId, ruleName: WORK_ORDER_STATE_RULE },
  });

async function setup() {
  const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
  const f = await makeFieldCase(agent);
  return { agent, itil, f, wo: await makeWorkOrder(agent, f.c.number) };
}

describe("work order form (FSM-2, FSM-3, SYNC-2, SYNC-3)", () => {
  it("FSM-2: a save that sets Account sets Company and one that sets Contact sets Caller, on the server", async () => {
    const { itil, wo } = await setup();
    const other = await makeCustomer();
    await updateWorkOrder(itil, wo.number, {
      version: wo.version,
      accountId: other.account.id,
      companyId: wo.companyId,
      contactId: other.contact.id,
      assetId: null, // the asset and the partner are the old account's
      partnerId: null,
      partnerContactId: null,
    });
    const after = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
    expect(after).toMatchObject({
      accountId: other.account.id,
      companyId: other.account.id,
      contactId: other.contact.id,
      callerId: other.contact.id,
      version: wo.version + 1,
    });
  });

  it("FSM-2 / REL-1: a contact of another account is refused naming the field, nothing changes", async () => {
    const { itil, wo } = await setup();
    const other = await makeCustomer();
    const refused = await fieldError(
      updateWorkOrder(itil, wo.number, { version: 1, contactId: other.contact.id }),
    );
    expect(refused).toMatchObject({ field: "contactId" });
    expect(refused.message).toContain("work order's account");
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).version).toBe(1);
  });

  it("FSM-3 / SYNC-2: an itil user walks the lifecycle; each state change writes one case work note", async () => {
    const { itil, f, wo } = await setup();
    const walk = ["Awaiting Qualification", "Qualified", "Ready for Dispatch"];
    for (const [i, state] of walk.entries())
      await updateWorkOrder(itil, wo.number, { version: i + 1, state });
    const notes = await notesOf(f.c.id);
    expect(notes.map((n) => n.body)).toEqual([
      `Work order ${wo.number} state changed: Draft → Awaiting Qualification`,
      `Work order ${wo.number} state changed: Awaiting Qualification → Qualified`,
      `Work order ${wo.number} state changed: Qualified → Ready for Dispatch`,
    ]);
    expect(notes[0]).toMatchObject({
      sourceTable: TABLE.workOrder,
      sourceNumber: wo.number,
      authorName: "System",
    });
  });

  it("REC-3: an illegal move is refused with a clear error and changes nothing, and writes no note", async () => {
    const { itil, f, wo } = await setup();
    const refused = await fieldError(
      updateWorkOrder(itil, wo.number, { version: 1, state: "Work in Progress" }),
    );
    expect(refused).toMatchObject({
      field: "state",
      message: "A work order cannot move from Draft to Work in Progress.",
    });
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).state).toBe("Draft");
    expect(await notesOf(f.c.id)).toHaveLength(0);
  });

  it("SYNC-3 / REC-6: two concurrent saves of the same version: one state change, one note, one conflict", async () => {
    const { itil, f, wo } = await setup();
    const results = await Promise.allSettled([
      updateWorkOrder(itil, wo.number, { version: 1, state: "Qualified" }),
      updateWorkOrder(itil, wo.number, { version: 1, state: "Qualified" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await notesOf(f.c.id)).toHaveLength(1);
  });

  it("SYNC-1: with the work order rule inactive a state change writes no case note; the rule is listed", async () => {
    const admin = await makeAdmin();
    const { itil, f, wo } = await setup();
    expect((await listRules(admin)).map((r) => r.name)).toContain(WORK_ORDER_STATE_RULE);
    await setRuleActive(admin, { table: TABLE.workOrder, name: WORK_ORDER_STATE_RULE, active: false });
    try {
      await updateWorkOrder(itil, wo.number, { version: 1, state: "Qualified" });
      expect(await notesOf(f.c.id)).toHaveLength(0);
    } finally {
      await setRuleActive(admin, { table: TABLE.workOrder, name: WORK_ORDER_STATE_RULE, active: true });
    }
  });

  it("FSM-5: agents do not work work orders; with the plugin off the server refuses and the rule is not listed", async () => {
    const admin = await makeAdmin();
    const { agent, itil, wo } = await setup();
    expect(
      (await fieldError(updateWorkOrder(agent, wo.number, { version: 1, state: "Qualified" }))).kind,
    ).toBe("forbidden");
    await setPlugin(PLUGIN.fieldService, false);
    try {
      const refused = await fieldError(updateWorkOrder(itil, wo.number, { version: 1, state: "Qualified" }));
      expect(refused.kind).toBe("forbidden");
      expect((await listRules(admin)).map((r) => r.name)).not.toContain(WORK_ORDER_STATE_RULE);
      // Its live timeline is gone with its page.
      expect((await fieldError(pollJournal(itil, TABLE.workOrder, wo.number, null))).kind).toBe("not_found");
      expect(
        (
          await fieldError(
            setRuleActive(admin, { table: TABLE.workOrder, name: WORK_ORDER_STATE_RULE, active: false }),
          )
        ).kind,
      ).toBe("invalid");
    } finally {
      await setPlugin(PLUGIN.fieldService, true);
    }
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).state).toBe("Draft");
  });
});
