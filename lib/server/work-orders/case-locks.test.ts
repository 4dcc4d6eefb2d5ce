// SYNC-2 / FSM-4: a case save copying to its work orders and a work order's state change writing its
// case's work note, at once. The save locks the case, then its work orders; the state change locked
// its work order, then (writing the note) the case — on PostgreSQL the two waited on each other and
// one failed with a deadlock. Every work order write now locks the case first. (SQLite runs one
// write transaction at a time: the test holds there trivially.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { WorkOrderState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAdmin, makeAgent, makeItil } from "@/lib/testing/fixtures";
import { makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";
import { updateCase } from "../cases/write";
import { updateProperty } from "../properties/admin";
import { updateWorkOrder } from "./update";

async function syncCaseToWorkOrders(value: "true" | "false") {
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.syncCaseToWorkOrder } });
  await updateProperty(await makeAdmin(), {
    name: PROPERTY.syncCaseToWorkOrder,
    value,
    version: row?.version ?? 0,
  });
}

describe("a case save and its work orders' state changes at once (SYNC-2, FSM-4)", () => {
  it("SYNC-2 / FSM-4: case saves copying to work orders while each order changes state: no deadlock, each order's note is written", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
    const f = await makeFieldCase(agent);
    await syncCaseToWorkOrders("true");
    try {
      const unexpected: string[] = [];
      let moved = 0;
      for (let round = 0; round < 6; round++) {
        const orders = await Promise.all([1, 2, 3].map(() => makeWorkOrder(agent, f.c.number)));
        const c = await db().case.findUniqueOrThrow({ where: { id: f.c.id } });
        // The state changes first: SQLite runs them before the save (which then copies to the moved orders).
        const results = await Promise.allSettled([
          ...orders.map((o) =>
            updateWorkOrder(itil, o.number, {
              version: o.version,
              state: WorkOrderState.AwaitingQualification,
            }),
          ),
          updateCase(agent, c.number, {
            version: c.version,
            shortDescription: `Router down, round ${round}`,
          }),
        ]);
        for (const r of results) {
          if (r.status === "fulfilled") continue;
          // A state change saved from the version the case's copy replaced is refused as stale: expected.
          if (r.reason instanceof DomainError && r.reason.kind === "conflict") continue;
          unexpected.push(String(r.reason));
        }
        moved += results.slice(0, orders.length).filter((r) => r.status === "fulfilled").length;
      }
      expect(unexpected).toEqual([]);
      expect(moved).toBeGreaterThan(0);
      const notes = await db().journalEntry.count({
        where: {
          table: TABLE.case,
          recordId: f.c.id,
          kind: "work_notes",
          body: { contains: "Awaiting Qualification" },
        },
      });
      expect(notes).toBe(moved);
    } finally {
      await syncCaseToWorkOrders("false");
    }
  });
});
