// WRK-1 / API-2 / API-4: an integration routes an incident or a case to a group's queue through the
// Table API — `assignment_group` (a sys_user_group reference), set with the same rules as the forms.
// Before, the field did not exist: a monitoring tool could neither see nor set the group, and an
// assignee outside the record's group was refused with no way to name the group.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { api, errorMessage, record, records } from "@/lib/testing/api";
import { makeAgent, makeCustomer, makeItil } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";

const path = (t: string, id?: string) => `/api/now/table/${t}${id ? `/${id}` : ""}`;

describe("assignment groups through the Table API (WRK-1, API-2, API-4)", () => {
  it("WRK-1 / API-2: an incident is created in a group by its name, assigned to a member, and reads back both", async () => {
    const itil = await makeItil();
    const member = await makeItil();
    const { group } = await makeGroup(member);
    const created = await api("POST", `${path("incident")}?sysparm_input_display_value=true`, {
      as: itil,
      body: { short_description: "Core switch down", assignment_group: group.name },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = String(record(created).sys_id);
    expect(record(created).assignment_group).toBe(sysIdOf("sys_user_group", group.id));
    const assigned = await api("PATCH", path("incident", id), {
      as: itil,
      body: { assigned_to: sysIdOf("sys_user", member.id) },
    });
    expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
    const row = await db().incident.findFirstOrThrow({ where: { shortDescription: "Core switch down" } });
    expect([row.assignmentGroupId, row.assignedToId]).toEqual([group.id, member.id]);
    const read = await api("GET", `${path("incident", id)}?sysparm_display_value=true`, { as: itil });
    expect(record(read)).toMatchObject({ assignment_group: group.name });
  });

  it("WRK-1 / API-2: a case moved to another group with a member of it; an assignee outside the group is refused naming it", async () => {
    const agent = await makeAgent();
    const member = await makeAgent();
    const { group } = await makeGroup(member);
    const { account } = await makeCustomer();
    const created = await api("POST", path("sn_customerservice_case"), {
      as: agent,
      body: { short_description: "Printer jam", account: sysIdOf("customer_account", account.id) },
    });
    const id = String(record(created).sys_id);
    const outsider = await api("PATCH", path("sn_customerservice_case", id), {
      as: agent,
      body: {
        assignment_group: sysIdOf("sys_user_group", group.id),
        assigned_to: sysIdOf("sys_user", agent.id),
      },
    });
    expect(outsider.status).toBe(400);
    expect(errorMessage(outsider)).toContain(group.name);
    const moved = await api("PATCH", path("sn_customerservice_case", id), {
      as: agent,
      body: {
        assignment_group: sysIdOf("sys_user_group", group.id),
        assigned_to: sysIdOf("sys_user", member.id),
      },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    const row = await db().case.findFirstOrThrow({
      where: { shortDescription: "Printer jam", accountId: account.id },
    });
    expect([row.assignmentGroupId, row.assignedToId]).toEqual([group.id, member.id]);
  });

  it("WRK-1 / ROLE-3: sys_user_group lists the groups for internal readers; external users read none", async () => {
    const agent = await makeAgent();
    const { group } = await makeGroup(agent);
    const list = await api(
      "GET",
      `${path("sys_user_group")}?sysparm_query=name=${encodeURIComponent(group.name)}`,
      {
        as: agent,
      },
    );
    expect(records(list).map((g) => g.name)).toEqual([group.name]);
    const { contact } = await makeCustomer();
    expect((await api("GET", path("sys_user_group"), { as: contact })).status).toBe(403);
  });
});
