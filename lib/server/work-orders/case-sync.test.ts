import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAdmin, makeAgent, makeCustomer, makeItil, makeUser } from "@/lib/testing/fixtures";
import { makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";
import { updateCase } from "../cases/write";
import { updateProperty } from "../properties/admin";
import { updateWorkOrder } from "./update";

async function setProperty(value: "true" | "false") {
  const admin = await makeAdmin();
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.syncCaseToWorkOrder } });
  await updateProperty(admin, {
    name: PROPERTY.syncCaseToWorkOrder,
    value: value,
    version: row?.version ?? 0,
  });
}

describe("case → work order after creation (FSM-4)", () => {
  it("FSM-4: with the property off (default) a later case change does not reach the work order", async () => {
    const agent = await makeAgent();
    const f = await makeFieldCase(agent);
    const wo = await makeWorkOrder(agent, f.c.number);
    await updateCase(agent, f.c.number, {
      version: f.c.version,
      shortDescription: "Changed later",
      priority: 1,
    });
    expect(await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).toMatchObject({
      shortDescription: wo.shortDescription,
      priority: wo.priority,
      version: 1,
    });
  });

  it("FSM-4 / FSM-2: with it on, mapped changes reach open work orders (audited, Company/Caller follow), closed ones keep theirs", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
    const f = await makeFieldCase(agent);
    const open = await makeWorkOrder(agent, f.c.number);
    const closed = await makeWorkOrder(agent, f.c.number);
    await updateWorkOrder(itil, closed.number, { version: 1, state: "Canceled" });
    await setProperty("true");
    try {
      const other = await makeCustomer();
      await updateCase(agent, f.c.number, {
        version: f.c.version,
        shortDescription: "Changed later",
        accountId: other.account.id,
        contactId: other.contact.id,
        assetId: null,
        partnerId: null, // the partner is the old account's
        partnerContactId: null,
        assignedToId: agent.id, // not mapped: stays on the case
      });
      expect(await db().workOrder.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
        shortDescription: "Changed later",
        accountId: other.account.id,
        companyId: other.account.id,
        contactId: other.contact.id,
        callerId: other.contact.id,
        assetId: null,
        version: 2,
      });
      expect((await db().workOrder.findUniqueOrThrow({ where: { id: closed.id } })).shortDescription).toBe(
        closed.shortDescription,
      );
      const audit = await db().auditEntry.findMany({
        where: { table: TABLE.workOrder, recordId: open.id, userId: agent.id },
      });
      expect(audit.map((a) => a.field)).toEqual(
        expect.arrayContaining(["shortDescription", "companyId", "callerId"]),
      );
    } finally {
      await setProperty("false");
    }
  });

  it("FSM-4 / FSM-2: a copied Contact that does not fit a work order moved to another account stays behind, named in a work note; the rest is copied and the order can still be saved", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
    const f = await makeFieldCase(agent);
    const wo = await makeWorkOrder(agent, f.c.number);
    const elsewhere = await makeCustomer();
    // A fulfiller sends the work order to another account (its site), with that account's contact.
    await updateWorkOrder(itil, wo.number, {
      version: wo.version,
      accountId: elsewhere.account.id,
      contactId: elsewhere.contact.id,
      assetId: null,
      partnerId: null,
      partnerContactId: null,
    });
    await setProperty("true");
    try {
      const second = await makeUser([ROLE.customer, ROLE.external], {
        kind: "contact",
        accountId: f.account.id,
      });
      await updateCase(agent, f.c.number, {
        version: f.c.version,
        shortDescription: "Second contact now",
        contactId: second.id,
      });
      const after = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
      expect(after).toMatchObject({
        shortDescription: "Second contact now",
        accountId: elsewhere.account.id,
        contactId: elsewhere.contact.id,
        callerId: elsewhere.contact.id,
      });
      const notes = await db().journalEntry.findMany({
        where: { table: TABLE.workOrder, recordId: wo.id, kind: "work_notes" },
      });
      expect(notes.map((n) => n.body)).toContainEqual(
        expect.stringMatching(new RegExp(`^Not copied from case ${f.c.number}: .*Contact`)),
      );
      // The order stays saveable: nothing on it contradicts its account.
      await updateWorkOrder(itil, wo.number, { version: after.version, priority: 1 });
      expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).priority).toBe(1);
    } finally {
      await setProperty("false");
    }
  });
});
