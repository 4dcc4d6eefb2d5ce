// API-1…API-5 through the route handlers, as a client sees them: bearer and basic auth, the
// result envelope, queries, display values, writes through the domain rules.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IncidentState } from "@/lib/domain/records/choices";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { hashPassword } from "@/lib/server/auth/credentials";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { api, record, records } from "@/lib/testing/api";
import { makeAgent, makeCase, makeCustomer, makeItil, makeUser, unique } from "@/lib/testing/fixtures";

describe("Table API: reading (API-1, API-4)", () => {
  it("API-1: a list answers the result envelope, X-Total-Count, paging links and 32-hex sys_ids", async () => {
    const itil = await makeItil();
    const tag = unique("API");
    for (const n of [1, 2, 3])
      await api("POST", "/api/now/table/incident", { as: itil, body: { short_description: `${tag} ${n}` } });
    const query = `short_descriptionSTARTSWITH${tag}^ORDERBYshort_description`;
    const page = await api("GET", `/api/now/table/incident?sysparm_query=${query}&sysparm_limit=2`, {
      as: itil,
    });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-total-count")).toBe("3");
    expect(records(page).map((r) => r.short_description)).toEqual([`${tag} 1`, `${tag} 2`]);
    expect(records(page)[0].sys_id).toMatch(/^[0-9a-f]{32}$/);
    expect(page.headers.get("link")).toContain('sysparm_offset=2>;rel="next"');
    const one = await api("GET", `/api/now/table/incident/${String(records(page)[1].sys_id)}`, { as: itil });
    expect(record(one)).toMatchObject({
      short_description: `${tag} 2`,
      state: "1",
      sys_created_by: itil.email,
    });
  });

  it("API-4: references answer sys_id, display value, or both with a link (sysparm_display_value)", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const fields = "sysparm_fields=number,account,state,priority";
    const plain = record(await api("GET", `${path}?${fields}`, { as: agent }));
    expect(plain).toEqual({
      number: c.number,
      account: sysIdOf("customer_account", account.id),
      state: "1",
      priority: "4",
    });
    const shown = record(await api("GET", `${path}?${fields}&sysparm_display_value=true`, { as: agent }));
    expect(shown).toEqual({ number: c.number, account: account.name, state: "New", priority: "4 - Low" });
    const all = record(await api("GET", `${path}?${fields}&sysparm_display_value=all`, { as: agent }));
    expect(all.account).toEqual({
      value: sysIdOf("customer_account", account.id),
      display_value: account.name,
      link: `http://caseflow.test/api/now/table/customer_account/${sysIdOf("customer_account", account.id)}`,
    });
    expect(all.state).toEqual({ value: "1", display_value: "New" });
    // API-5: sysparm_exclude_reference_link=true leaves the link out, as ServiceNow does.
    const unlinked = record(
      await api(
        "GET",
        `${path}?${fields},contact&sysparm_display_value=all&sysparm_exclude_reference_link=true`,
        {
          as: agent,
        },
      ),
    );
    expect(unlinked.account).toEqual({
      value: sysIdOf("customer_account", account.id),
      display_value: account.name,
    });
    expect(unlinked.contact).toEqual({
      value: sysIdOf("customer_contact", contact.id),
      display_value: contact.name,
    });
  });

  it("API-3: unknown fields and operators are a 400 naming them, in ServiceNow's error shape", async () => {
    const itil = await makeItil();
    const bad = await api("GET", "/api/now/table/incident?sysparm_query=colourLIKEred", { as: itil });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      status: "failure",
      error: { message: expect.stringContaining('"colour"') },
    });
    const field = await api("GET", "/api/now/table/incident?sysparm_fields=number,colour", { as: itil });
    expect(field.status).toBe(400);
    expect((field.json.error as { message: string }).message).toContain('"colour"');
    const table = await api("GET", "/api/now/table/no_such_table", { as: itil });
    expect(table.status).toBe(400);
  });

  it("API-3: no credentials, a wrong password, a revoked token: 401; a role that may not read: 403", async () => {
    expect((await api("GET", "/api/now/table/incident")).status).toBe(401);
    const user = await makeUser(["itil"], { passwordHash: await hashPassword("s3cret-pass") });
    const basic = (p: string) => `Basic ${Buffer.from(`${user.email}:${p}`).toString("base64")}`;
    expect(
      (await api("GET", "/api/now/table/incident?sysparm_limit=1", { authorization: basic("nope") })).status,
    ).toBe(401);
    expect(
      (await api("GET", "/api/now/table/incident?sysparm_limit=1", { authorization: basic("s3cret-pass") }))
        .status,
    ).toBe(200);
    const { contact } = await makeCustomer();
    const refused = await api("GET", "/api/now/table/incident", { as: contact });
    expect(refused.status).toBe(403);
    expect(refused.json.status).toBe("failure");
  });
});

describe("Table API: writing through the domain rules (API-2)", () => {
  it("API-2: an incident PATCH to On Hold writes the case work note (INC-6), once", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const made = await createIncidentFromCase(agent, c.number);
    const inc = await db().incident.findUniqueOrThrow({ where: { number: made.incidentNumber } });
    const path = `/api/now/table/incident/${sysIdOf("incident", inc.id)}`;
    const patched = await api("PATCH", path, { as: itil, body: { state: "3", hold_reason: "4" } });
    expect(patched.status).toBe(200);
    expect(record(patched)).toMatchObject({ state: "3", hold_reason: "4" });
    const notes = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id },
    });
    expect(notes.filter((n) => n.body.includes("On Hold"))).toHaveLength(1);
  });

  it("API-2, API-3: a second incident for a case is a 409 naming the incident field, and changes nothing (INC-2)", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const made = await createIncidentFromCase(agent, c.number);
    const first = await db().incident.findUniqueOrThrow({ where: { number: made.incidentNumber } });
    const itil = await makeItil();
    const other = record(
      await api("POST", "/api/now/table/incident", { as: itil, body: { short_description: "x" } }),
    );
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const refused = await api("PATCH", path, { as: agent, body: { incident: other.sys_id } });
    expect(refused.status).toBe(409);
    // The detail names the field the client wrote (was "menu: …", the workspace's menu).
    const message = `This case already has an incident (${first.number}).`;
    expect(refused.json).toMatchObject({ error: { message, detail: `incident: ${message}` } });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBe(first.id);
  });

  it("API-2: work_notes and comments append journal entries; a bad state is a 400 naming it", async () => {
    const itil = await makeItil();
    const created = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: "Printer", work_notes: "checked toner" },
    });
    expect(created.status).toBe(201);
    const id = Number(
      (await db().incident.findFirstOrThrow({ where: { number: record(created).number as string } })).id,
    );
    const entries = await db().journalEntry.findMany({ where: { table: "incident", recordId: id } });
    expect(entries.map((e) => [e.kind, e.body])).toEqual([["work_notes", "checked toner"]]);
    const bad = await api("PATCH", `/api/now/table/incident/${String(record(created).sys_id)}`, {
      as: itil,
      body: { state: "42" },
    });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { message: string }).message).toContain("state");
    const closed = await api("PATCH", `/api/now/table/incident/${String(record(created).sys_id)}`, {
      as: itil,
      body: { state: IncidentState.Closed },
    });
    expect(closed.status).toBe(400);
  });

  it("API-5: sysparm_input_display_value takes display values for choices and references", async () => {
    const agent = await makeAgent();
    const { account } = await makeCustomer();
    const created = await api(
      "POST",
      "/api/now/table/sn_customerservice_case?sysparm_input_display_value=true",
      {
        as: agent,
        body: { short_description: "By name", account: account.name, priority: "2 - High" },
      },
    );
    expect(created.status).toBe(201);
    expect(record(created)).toMatchObject({
      account: sysIdOf("customer_account", account.id),
      priority: "2",
    });
  });

  it("API-2: DELETE is refused with 405; REC-6: a stale sys_mod_count is a 409", async () => {
    const itil = await makeItil();
    const created = record(
      await api("POST", "/api/now/table/incident", { as: itil, body: { short_description: "d" } }),
    );
    const path = `/api/now/table/incident/${String(created.sys_id)}`;
    expect((await api("DELETE", path, { as: itil })).status).toBe(405);
    await api("PATCH", path, { as: itil, body: { short_description: "e" } });
    const stale = await api("PATCH", path, {
      as: itil,
      body: { short_description: "f", sys_mod_count: "1" },
    });
    expect(stale.status).toBe(409);
  });
});

describe("Table API: display-value lookups stay in scope (API-5, POR-4)", () => {
  it("POR-4: a customer naming another account's record gets the same answer as a made-up name", async () => {
    const { contact } = await makeCustomer();
    const { account: other } = await makeCustomer();
    const agent = await makeAgent();
    const c = await makeCase(agent, { contactId: contact.id, accountId: contact.accountId });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const ask = (account: string) =>
      api("PATCH", `${path}?sysparm_input_display_value=true`, { as: contact, body: { account } });
    const real = await ask(other.name);
    const madeUp = await ask("No Such Account Ltd");
    expect(real.status).toBe(madeUp.status);
    expect(JSON.stringify(real.json).replaceAll(other.name, "X")).toBe(
      JSON.stringify(madeUp.json).replaceAll("No Such Account Ltd", "X"),
    );
  });
});

describe("Table API: one request, one transaction (API-2, REL-1)", () => {
  it("REL-1: a refused part changes nothing — fields with a second incident, a POST with an illegal state", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    await createIncidentFromCase(agent, c.number);
    const other = record(
      await api("POST", "/api/now/table/incident", { as: itil, body: { short_description: "y" } }),
    );
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const refused = await api("PATCH", path, {
      as: agent,
      body: { short_description: "CHANGED", incident: other.sys_id },
    });
    expect([400, 409]).toContain(refused.status);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).shortDescription).toBe(
      c.shortDescription,
    );
    const tag = unique("Never ");
    const post = await api("POST", "/api/now/table/sn_customerservice_case", {
      as: agent,
      body: { short_description: tag, state: "6" },
    });
    expect(post.status).toBe(400);
    expect(await db().case.count({ where: { shortDescription: tag } })).toBe(0);
  });

  it("API-2: cancelling a case with a work note in one PATCH writes both", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const done = await api("PATCH", path, {
      as: agent,
      body: { state: "7", work_notes: "Duplicate of another case" },
    });
    expect(done.status).toBe(200);
    expect(record(done).state).toBe("7");
    const notes = await db().journalEntry.findMany({
      where: { table: "sn_customerservice_case", recordId: c.id },
    });
    expect(notes.map((n) => n.body)).toContain("Duplicate of another case");
  });
});

describe("Table API: references to missing records (REL-1)", () => {
  it("REL-1: a well-formed sys_id of no problem is a 400 naming the field and unlinks nothing", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const answer = await api("PATCH", path, {
      as: agent,
      body: { problem: sysIdOf("problem", 2_000_000_000) },
    });
    expect(answer.status).toBe(400);
    expect((answer.json.error as { message: string }).message).toMatch(/^problem:/);
  });
});

describe("Table API: refusals name the client's field (REL-1, API-3)", () => {
  it("REL-1: a service's refusal names the ServiceNow field in the detail (short_description, comments)", async () => {
    const itil = await makeItil();
    const bad = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: "   " },
    });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { detail: string }).detail).toMatch(/^short_description: /);
    const { contact } = await makeCustomer();
    const agent = await makeAgent();
    const c = await makeCase(agent, { contactId: contact.id, accountId: contact.accountId });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const empty = await api("PATCH", path, { as: contact, body: { comments: "  " } });
    expect(empty.status).toBe(400);
    expect((empty.json.error as { detail: string }).detail).toMatch(/^comments: /);
  });
});

describe("Table API: a case's contact comes with its account (ROLE-3, REL-1)", () => {
  it("ROLE-3: a case given a contact and no account, or an account cleared under its contact, is a 400 naming account", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const before = await db().case.count();
    const made = await api("POST", "/api/now/table/sn_customerservice_case", {
      as: agent,
      body: { short_description: "Contact only", contact: sysIdOf("customer_contact", contact.id) },
    });
    expect(made.status).toBe(400);
    expect((made.json.error as { detail: string }).detail).toMatch(/^account: .*contact's account/);
    expect(await db().case.count()).toBe(before);
    const c = await makeCase(agent, { contactId: contact.id, accountId: account.id });
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const cleared = await api("PATCH", path, { as: agent, body: { account: "" } });
    expect(cleared.status).toBe(400);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).accountId).toBe(account.id);
    // Both cleared together is a case without a customer, as the page allows.
    const both = await api("PATCH", path, { as: agent, body: { account: "", contact: "" } });
    expect(both.status).toBe(200);
  });
});

describe("Table API: the answer's parameters are checked before the write (REL-1)", () => {
  it("REL-1: a POST or PATCH with a bad sysparm_ parameter is a 400 that saved nothing", async () => {
    const itil = await makeItil();
    const tag = unique("Param check ");
    for (const q of [
      "sysparm_exclude_reference_link=1",
      "sysparm_display_value=maybe",
      "sysparm_fields=colour",
    ]) {
      const res = await api("POST", `/api/now/table/incident?${q}`, {
        as: itil,
        body: { short_description: `${tag} ${q}` },
      });
      expect(res.status, q).toBe(400);
    }
    expect(await db().incident.count({ where: { shortDescription: { startsWith: tag } } })).toBe(0);
    const made = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: { short_description: "Kept" },
    });
    const path = `/api/now/table/incident/${String(record(made).sys_id)}`;
    const bad = await api("PATCH", `${path}?sysparm_exclude_reference_link=yes`, {
      as: itil,
      body: { short_description: "Changed" },
    });
    expect(bad.status).toBe(400);
    expect(
      (await db().incident.findFirstOrThrow({ where: { number: String(record(made).number) } }))
        .shortDescription,
    ).toBe("Kept");
  });
});
