import { describe, expect, it } from "vitest";
import { actorWith } from "@/lib/testing/actor";
import { ROLE, type Role } from "../auth/roles";
import { canScheduleWorkOrders, canWorkWorkOrders, refusedTaskFields } from "./access";

const internal = (...roles: Role[]) => actorWith(roles);

describe("who schedules work order tasks (FSM-5)", () => {
  it("FSM-5: agents, managers and fulfillers schedule; only fulfillers work the rest; readers and external users neither", () => {
    const who = {
      agent: internal(ROLE.agent),
      manager: internal(ROLE.manager),
      itil: internal(ROLE.itil),
      admin: internal(ROLE.admin),
      reader: internal(ROLE.incidentRead),
      customer: actorWith([ROLE.customer, ROLE.external], "contact"),
    };
    const table = Object.fromEntries(
      Object.entries(who).map(([k, a]) => [k, [canScheduleWorkOrders(a), canWorkWorkOrders(a)]]),
    );
    expect(table).toEqual({
      agent: [true, false],
      manager: [true, false],
      itil: [true, true],
      admin: [true, true],
      reader: [false, false],
      customer: [false, false],
    });
  });

  it("FSM-5: an agent's task edit may name the window only; a fulfiller's anything; unset fields do not count", () => {
    const edit = { windowStart: new Date(), windowEnd: null, state: "Assigned", assignedToId: undefined };
    expect(refusedTaskFields(internal(ROLE.agent), edit)).toEqual(["state"]);
    expect(refusedTaskFields(internal(ROLE.manager), { windowStart: null, windowEnd: null })).toEqual([]);
    expect(refusedTaskFields(internal(ROLE.itil), edit)).toEqual([]);
    expect(refusedTaskFields(internal(ROLE.incidentRead), { windowStart: null })).toEqual(["windowStart"]);
  });
});
