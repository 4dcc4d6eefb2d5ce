import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeCustomer, makeItil } from "@/lib/testing/fixtures";
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
});
