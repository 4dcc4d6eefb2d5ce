// The Table API at the edges of its input: names every JavaScript object inherits, fields the
// caller may not read, property sys_ids in queries, ids past 32 bits, and a POST incident with the
// incident form's fields (found by review; each test fails without its fix).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { MajorCaseState } from "@/lib/domain/records/choices";
import { PLUGIN } from "@/lib/domain/plugins/catalog";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { createIncident } from "@/lib/server/incidents/write";
import { createChangeFromCase } from "@/lib/server/cases/create-related";
import { api, errorMessage, record, records } from "@/lib/testing/api";
import { makeAdmin, makeAgent, makeCase, makeItil, makeUser } from "@/lib/testing/fixtures";
import { setPlugin } from "@/lib/testing/work-orders";

const caseSysId = (id: number) => sysIdOf("sn_customerservice_case", id);

describe("Table API input at the edges (REL-1, ROLE-1, API-1, API-2)", () => {
  it("REL-1: constructor, toString and __proto__ are unknown fields (400), in fields, queries and bodies", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const path = `/api/now/table/sn_customerservice_case`;
    for (const name of ["constructor", "toString", "__proto__"]) {
      const list = await api("GET", `${path}?sysparm_fields=number,${name}`, { as: agent });
      expect(list.status, name).toBe(400);
      expect(errorMessage(list)).toContain(`"${name}"`);
      const one = await api("GET", `${path}/${caseSysId(c.id)}?sysparm_fields=${name}`, { as: agent });
      expect(one.status, name).toBe(400);
      const query = await api("GET", `${path}?sysparm_query=${name}=x`, { as: agent });
      expect(query.status, name).toBe(400);
    }
    const patch = await api("PATCH", `${path}/${caseSysId(c.id)}`, {
      as: agent,
      body: JSON.parse('{"constructor":"x","toString":"y"}'),
    });
    expect(patch.status).toBe(400);
    expect(errorMessage(patch)).toContain('"constructor"');
  });

  it("ROLE-1: without incident read, a case's incident is an unknown field in a body too — alike for any sys_id", async () => {
    const agentOnly = await makeUser([ROLE.agent]);
    const c = await makeCase(agentOnly);
    const itil = await makeItil();
    const real = await createIncident(itil, { shortDescription: "exists" });
    const path = `/api/now/table/sn_customerservice_case/${caseSysId(c.id)}`;
    const answers = [];
    for (const id of [real.id, 2_000_000_000]) {
      const a = await api("PATCH", path, { as: agentOnly, body: { incident: sysIdOf("incident", id) } });
      answers.push({ status: a.status, json: a.json });
    }
    expect(answers[0].status).toBe(400);
    expect(errorMessage({ ...answers[0], headers: new Headers() })).toContain('Unknown field "incident"');
    expect(answers[1]).toEqual(answers[0]);
  });

  it("API-1: a sys_properties sys_id works in sysparm_query as in the path", async () => {
    const admin = await makeAdmin();
    const base = "/api/now/table/sys_properties";
    const [first, second] = records(
      await api("GET", `${base}?sysparm_fields=sys_id,name&sysparm_limit=2`, { as: admin }),
    );
    const byQuery = await api(
      "GET",
      `${base}?sysparm_fields=name&sysparm_query=sys_id=${String(first.sys_id)}`,
      {
        as: admin,
      },
    );
    expect(records(byQuery)).toEqual([{ name: first.name }]);
    const made = "0".repeat(32);
    const inList = `sys_idIN${String(first.sys_id)},${String(second.sys_id)},${made}`;
    const both = await api("GET", `${base}?sysparm_fields=name&sysparm_query=${inList}`, { as: admin });
    expect(records(both).map((r) => r.name)).toEqual([first.name, second.name].sort());
  });

  it("REL-1 / ADM-1: PATCH of a property with a control character in its value is a 400 naming value; nothing changes", async () => {
    const admin = await makeAdmin();
    const base = "/api/now/table/sys_properties";
    const [row] = records(
      await api(
        "GET",
        `${base}?sysparm_fields=sys_id,name,value&sysparm_query=name=${PROPERTY.autoCloseDays}`,
        {
          as: admin,
        },
      ),
    );
    const patch = await api("PATCH", `${base}/${String(row.sys_id)}`, {
      as: admin,
      body: { value: "3\u0007" },
    });
    expect(patch.status).toBe(400);
    expect(errorMessage(patch)).toMatch(/value/i);
    const after = record(
      await api("GET", `${base}/${String(row.sys_id)}?sysparm_fields=value`, { as: admin }),
    );
    expect(after.value).toBe(row.value);
  });

  it("REL-1: a sys_id of an id past 32 bits names nothing: 404 by path, no rows by query", async () => {
    const itil = await makeItil();
    const made = await createIncident(itil, { shortDescription: "has a note" });
    const note = { work_notes: "a note that must not match" };
    await api("PATCH", `/api/now/table/incident/${sysIdOf("incident", made.id)}`, { as: itil, body: note });
    const big = sysIdOf("incident", 2 ** 40);
    expect((await api("GET", `/api/now/table/incident/${big}`, { as: itil })).status).toBe(404);
    const journal = await api("GET", `/api/now/table/sys_journal_field?sysparm_query=element_id=${big}`, {
      as: itil,
    });
    expect(journal.status).toBe(200);
    expect(records(journal)).toEqual([]);
    const patch = await api("PATCH", `/api/now/table/incident/${big}`, {
      as: itil,
      body: { description: "x" },
    });
    expect(patch.status).toBe(404);
  });

  it("API-1: a condition that can match nothing matches nothing (Prisma drops an empty OR inside AND)", async () => {
    const admin = await makeAdmin();
    const none = async (query: string, table = "sys_user") =>
      records(await api("GET", `/api/now/table/${table}?sysparm_query=${query}`, { as: admin }));
    expect(await none("activeISEMPTY")).toEqual([]);
    expect(await none(`element_id=${"0".repeat(32)}`, "sys_journal_field")).toEqual([]);
    expect(
      (await none(`element_id!=${"0".repeat(32)}^ORDERBYDESCsys_created_on`, "sys_journal_field")).length,
    ).toBe((await none("ORDERBYDESCsys_created_on", "sys_journal_field")).length);
  });

  it("API-2: a POST incident saves the incident form's fields too (state, hold reason, assignee), in one go", async () => {
    const itil = await makeItil();
    const created = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: {
        short_description: "Monitoring: disk full",
        state: "3",
        hold_reason: "4",
        assigned_to: sysIdOf("sys_user", itil.id),
      },
    });
    expect(created.status).toBe(201);
    expect(record(created)).toMatchObject({
      short_description: "Monitoring: disk full",
      state: "3",
      hold_reason: "4",
      assigned_to: sysIdOf("sys_user", itil.id),
    });
    const bad = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: `Refused whole ${Date.now()}`, state: "3" },
    });
    expect(bad.status).toBe(400); // On Hold needs a reason: nothing is created
    const query = `short_descriptionSTARTSWITHRefused whole`;
    expect(records(await api("GET", `/api/now/table/incident?sysparm_query=${query}`, { as: itil }))).toEqual(
      [],
    );
  });

  it("REL-1: a refusal's detail names the field once", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const answer = await api("PATCH", `/api/now/table/sn_customerservice_case/${caseSysId(c.id)}`, {
      as: agent,
      body: { problem: sysIdOf("problem", 2_000_000_000) },
    });
    expect(answer.status).toBe(400);
    const detail = (answer.json.error as { detail: string }).detail;
    expect(detail).toMatch(/^problem: /);
    expect(detail).not.toMatch(/^problem: problem:/);
  });

  it("API-1: ISEMPTY and ISNOTEMPTY on a choice whose blank is stored as text (major_case_state) find the blank and the rest", async () => {
    const agent = await makeAgent();
    const plain = await makeCase(agent);
    const major = await makeCase(agent);
    await db().case.update({ where: { id: major.id }, data: { majorCaseState: MajorCaseState.Proposed } });
    const path = "/api/now/table/sn_customerservice_case?sysparm_fields=number";
    const numbers = async (condition: string) => {
      const query = `numberIN${plain.number},${major.number}^${condition}`;
      return records(await api("GET", `${path}&sysparm_query=${query}`, { as: agent })).map((r) => r.number);
    };
    expect(await numbers("major_case_stateISEMPTY")).toEqual([plain.number]);
    expect(await numbers("major_case_stateISNOTEMPTY")).toEqual([major.number]);
  });

  it("ITSM-5 / REL-7: with Service Management off a case has no Related Records fields — answered by none, a 400 in a query", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const path = `/api/now/table/sn_customerservice_case/${caseSysId(c.id)}`;
    await setPlugin(PLUGIN.serviceManagement, false);
    try {
      const one = record(await api("GET", path, { as: agent }));
      for (const name of ["incident", "problem", "rfc", "caused_by"])
        expect(one, name).not.toHaveProperty(name);
      expect(one).toHaveProperty("short_description");
      const query = await api("GET", "/api/now/table/sn_customerservice_case?sysparm_query=problemISEMPTY", {
        as: agent,
      });
      expect(query.status).toBe(400);
    } finally {
      await setPlugin(PLUGIN.serviceManagement, true);
    }
    expect(record(await api("GET", path, { as: agent }))).toHaveProperty("problem");
  });

  it("REL-1: a change's end_date before its stored start_date, sent alone, is a 400 naming end_date; nothing changes", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const { number } = await createChangeFromCase(agent, (await makeCase(agent)).number, { type: "normal" });
    const change = await db().changeRequest.findUniqueOrThrow({ where: { number } });
    const path = `/api/now/table/change_request/${sysIdOf("change_request", change.id)}`;
    const start = await api("PATCH", path, { as: itil, body: { start_date: "2026-12-10 09:00:00" } });
    expect(start.status, JSON.stringify(start.json)).toBe(200);
    const end = await api("PATCH", path, { as: itil, body: { end_date: "2026-12-09 09:00:00" } });
    expect(end.status).toBe(400);
    expect(end.json).toMatchObject({
      error: { detail: expect.stringMatching(/^end_date: Planned end must be after/) },
    });
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: change.id } })).plannedEnd).toBeNull();
    // The start alone after a stored end names the start; a save sending no date is not refused for them.
    await api("PATCH", path, { as: itil, body: { end_date: "2026-12-11 09:00:00" } });
    const late = await api("PATCH", path, { as: itil, body: { start_date: "2026-12-12 09:00:00" } });
    expect(late.json).toMatchObject({
      error: { detail: expect.stringMatching(/^start_date: Planned start must be/) },
    });
    await db().changeRequest.update({
      where: { id: change.id },
      data: { plannedEnd: new Date("2026-12-01T00:00:00Z") },
    });
    const renamed = await api("PATCH", path, {
      as: itil,
      body: { short_description: "Swap the core switch" },
    });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
  });
});
