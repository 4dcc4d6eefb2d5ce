// ROLE-1 / ROLE-2 / REL-3 / API-3: the Table API applies the workspace's role rules itself, and
// authenticates every request: which tables each internal role reads (written out here from
// lib/domain/auth/roles.ts, not from lib/server/api/access.ts), the case's Incident field,
// anonymous and bad credentials on every table and verb, deactivated users, revoked tokens, the
// sign-in throttle for Basic auth, and tables of a switched-off plugin.
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { API_TABLES, type ApiTableName } from "@/lib/domain/api/table";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { PLUGIN, PLUGIN_CATALOG } from "@/lib/domain/plugins/catalog";
import { hashPassword, throttleKeys } from "@/lib/server/auth/credentials";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { api, auditRowsBesideTokens, records, tokenOf } from "@/lib/testing/api";
import {
  makeAdmin,
  makeAgent,
  makeCase,
  makeItil,
  makeManager,
  makeUser,
  makeViewer,
} from "@/lib/testing/fixtures";
import { setPlugin } from "@/lib/testing/work-orders";

const path = (t: string, id?: string) => `/api/now/table/${t}${id ? `/${id}` : ""}`;
const ALL = [...API_TABLES];
const except = (...refused: ApiTableName[]) => ALL.filter((t) => !refused.includes(t));

/**
 * roles.ts: canReadCases (agents, managers, itil, incident roles), canReadIncidents (incident
 * roles, itil), canReadItsm (itil, agent, manager), canReadWorkOrders (cases or ITSM), isAdmin
 * for sys_properties; accounts, contacts, users and the journal follow cases or ITSM.
 */
const READS: Record<string, { make: () => Promise<Actor>; tables: ApiTableName[] }> = {
  agent: { make: makeAgent, tables: except("sys_properties") },
  viewer: { make: makeViewer, tables: except("sys_properties") },
  "agent without incident roles": {
    make: () => makeUser([ROLE.agent]),
    tables: except("sys_properties", "incident"),
  },
  "incident reader only": {
    make: () => makeUser([ROLE.incidentRead]),
    tables: except("sys_properties", "problem", "change_request", "sc_request"),
  },
  itil: { make: makeItil, tables: except("sys_properties") },
  manager: { make: makeManager, tables: except("sys_properties") },
  admin: { make: makeAdmin, tables: ALL },
};

const fingerprint = async () => ({
  cases: await db().case.aggregate({ _count: true, _sum: { version: true } }),
  incidents: await db().incident.aggregate({ _count: true, _sum: { version: true } }),
  journal: await db().journalEntry.count(),
  audit: await auditRowsBesideTokens(),
  properties: await db().systemProperty.findMany({ orderBy: { name: "asc" } }),
});

afterEach(async () => {
  for (const p of PLUGIN_CATALOG) await setPlugin(p.id, true);
});

describe("ROLE-2 / API-3: each internal role reads the tables the workspace lets it read", () => {
  for (const [name, { make, tables }] of Object.entries(READS)) {
    it(`ROLE-2 / REL-3 / API-3: ${name} — 200 on ${tables.length} tables, 403 on the others`, async () => {
      const as = await make();
      for (const t of ALL) {
        const answer = await api("GET", `${path(t)}?sysparm_limit=1`, { as });
        expect(answer.status, `${name} ${t}: ${JSON.stringify(answer.json)}`).toBe(
          tables.includes(t) ? 200 : 403,
        );
        if (answer.status === 403) expect(answer.json.status).toBe("failure");
      }
    });
  }
});

describe("ROLE-1: an agent without sn_incident_read", () => {
  it("ROLE-1 / API-3: gets cases without the incident field, cannot filter on it, and a 403 on incident", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await createIncidentFromCase(agent, c.number);
    const plain = await makeUser([ROLE.agent]);
    const caseId = sysIdOf("sn_customerservice_case", c.id);
    const byAgent = await api("GET", `${path("sn_customerservice_case", caseId)}?sysparm_display_value=all`, {
      as: agent,
    });
    expect(byAgent.json.result).toHaveProperty("incident");
    for (const q of ["", "?sysparm_fields=number,incident", "?sysparm_display_value=all"]) {
      const one = await api("GET", `${path("sn_customerservice_case", caseId)}${q}`, { as: plain });
      expect(one.status).toBe(200);
      expect(one.json.result).not.toHaveProperty("incident");
      expect(JSON.stringify(one.json)).not.toContain("/incident/");
    }
    const list = await api("GET", `${path("sn_customerservice_case")}?sysparm_query=number=${c.number}`, {
      as: plain,
    });
    expect(records(list).map((r) => r.number)).toEqual([c.number]);
    expect(records(list)[0]).not.toHaveProperty("incident");
    const hidden = await api("GET", `${path("sn_customerservice_case")}?sysparm_query=incidentISNOTEMPTY`, {
      as: plain,
    });
    const unknown = await api("GET", `${path("sn_customerservice_case")}?sysparm_query=zzzISNOTEMPTY`, {
      as: plain,
    });
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.json).replace(/\bincident\b/g, "zzz")).toBe(JSON.stringify(unknown.json));
    expect((await api("GET", path("incident"), { as: plain })).status).toBe(403);
    const inc = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(
      (await api("GET", path("incident", sysIdOf("incident", inc.incidentId!)), { as: plain })).status,
    ).toBe(403);
    // nor the incident's journal entries
    const journal = records(
      await api("GET", `${path("sys_journal_field")}?sysparm_query=name=incident`, { as: plain }),
    );
    expect(journal).toEqual([]);
  });
});

describe("REL-3 / API-3: every request authenticates", () => {
  it("REL-3 / API-3: anonymous and bad credentials are a 401 on every table and verb, changing nothing", async () => {
    const admin = await makeAdmin();
    const c = await makeCase(await makeAgent());
    const before = await fingerprint();
    const wrongPassword = `Basic ${Buffer.from(`${admin.email}:wrong`).toString("base64")}`;
    const bad = [
      undefined,
      "Bearer not-a-token",
      `Bearer ${(await tokenOf(admin)).slice(0, -2)}xx`,
      wrongPassword,
      "Basic !!!",
      "Token abc",
    ];
    for (const authorization of bad)
      for (const t of ALL) {
        const id = t === "sn_customerservice_case" ? sysIdOf(t, c.id) : sysIdOf(t, 1);
        const body = { short_description: "anonymous", value: "x" };
        for (const [method, p] of [
          ["GET", path(t)],
          ["GET", path(t, id)],
          ["POST", path(t)],
          ["PATCH", path(t, id)],
          ["PUT", path(t, id)],
          ["DELETE", path(t, id)],
        ] as const) {
          const answer = await api(method, p, { authorization, body: method === "GET" ? undefined : body });
          // a wrong password is counted by the sign-in throttle: past the allowance it is a 429
          const refused = authorization === wrongPassword ? [401, 429] : [401];
          expect(refused, `${authorization} ${method} ${p}`).toContain(answer.status);
          expect(answer.json.status).toBe("failure");
          expect(answer.json).not.toHaveProperty("result");
        }
      }
    expect(await fingerprint()).toEqual(before);
  });

  it("ADM-3 / API-3: a deactivated user's token is a 401 on the next request", async () => {
    const agent = await makeAgent();
    expect((await api("GET", path("sn_customerservice_case"), { as: agent })).status).toBe(200);
    await db().user.update({ where: { id: agent.id }, data: { active: false } });
    expect((await api("GET", path("sn_customerservice_case"), { as: agent })).status).toBe(401);
  });

  it("ADM-4 / API-3: a revoked token is a 401 on the next request", async () => {
    const agent = await makeAgent();
    expect((await api("GET", path("sn_customerservice_case"), { as: agent })).status).toBe(200);
    await db().apiToken.updateMany({ where: { userId: agent.id }, data: { revokedAt: new Date() } });
    expect((await api("GET", path("sn_customerservice_case"), { as: agent })).status).toBe(401);
  });

  it("REL-5 / API-3: Basic auth — right password 200, wrong 401, past the sign-in allowance 429 with Retry-After", async () => {
    const user = await makeUser([ROLE.agent], { passwordHash: await hashPassword("right-pass-1") });
    const basic = (p: string) => `Basic ${Buffer.from(`${user.email}:${p}`).toString("base64")}`;
    const get = (p: string) =>
      api("GET", `${path("sn_customerservice_case")}?sysparm_limit=1`, { authorization: basic(p) });
    expect((await get("right-pass-1")).status).toBe(200);
    expect((await get("wrong")).status).toBe(401);
    const allowance = throttleKeys(user.email, null)[0].free;
    let last = await get("wrong");
    for (let i = 0; i < allowance + 1 && last.status === 401; i++) last = await get("wrong");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // the right password is refused too while the block runs — also once verified before
    const right = await get("right-pass-1");
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);

    const fresh = await makeUser([ROLE.agent], { passwordHash: await hashPassword("right-pass-2") });
    const freshBasic = (p: string) => `Basic ${Buffer.from(`${fresh.email}:${p}`).toString("base64")}`;
    for (let i = 0; i <= allowance + 1; i++)
      await api("GET", path("sn_customerservice_case"), { authorization: freshBasic("wrong") });
    const blocked = await api("GET", path("sn_customerservice_case"), {
      authorization: freshBasic("right-pass-2"),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("REL-5 / API-3: a password changed while a shared Basic check runs is refused, then and later", async () => {
    // A slow hash widens the window of the first request's bcrypt, which a second request joins.
    const user = await makeUser([ROLE.agent], { passwordHash: await bcrypt.hash("old-pass-9", 13) });
    const authorization = `Basic ${Buffer.from(`${user.email}:old-pass-9`).toString("base64")}`;
    const get = () => api("GET", `${path("sn_customerservice_case")}?sysparm_limit=1`, { authorization });
    const first = get();
    await new Promise((r) => setTimeout(r, 120)); // the first request is comparing against the old hash
    await db().user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("new-pass-9") },
    });
    const second = await get();
    await first;
    expect(second.status).toBe(401);
    expect((await get()).status).toBe(401);
  });

  it("REL-5 / API-3: 20 parallel first Basic requests with the right password all succeed (one check, not 20 attempts)", async () => {
    const user = await makeUser([ROLE.agent], { passwordHash: await hashPassword("right-pass-3") });
    const authorization = `Basic ${Buffer.from(`${user.email}:right-pass-3`).toString("base64")}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api("GET", `${path("sn_customerservice_case")}?sysparm_limit=1`, { authorization }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(20).fill(200));
  });
});

describe("API-3 / ITSM-5 / FSM-1: a switched-off plugin's tables do not exist", () => {
  const OF: [string, ApiTableName[]][] = [
    [PLUGIN.serviceManagement, ["problem", "change_request"]],
    [PLUGIN.requestManagement, ["sc_request"]],
    [PLUGIN.fieldService, ["wm_order", "wm_task"]],
  ];
  for (const [plugin, tables] of OF)
    it(`API-3: plugin ${plugin} off — ${tables.join(", ")} answer 404, the rest 200`, async () => {
      const admin = await makeAdmin();
      for (const t of tables) expect((await api("GET", path(t), { as: admin })).status).toBe(200);
      await setPlugin(plugin, false);
      for (const t of ALL) {
        const list = await api("GET", `${path(t)}?sysparm_limit=1`, { as: admin });
        expect(list.status, `${t}`).toBe(tables.includes(t) ? 404 : 200);
        if (tables.includes(t))
          expect((await api("GET", path(t, sysIdOf(t, 1)), { as: admin })).status, `${t} one`).toBe(404);
      }
    });
});
