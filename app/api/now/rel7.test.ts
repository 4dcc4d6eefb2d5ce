// REL-7 / ROLE-3 / POR-4 / API-3: the Table API reads exactly what the portal shows each external
// user. The portal world (lib/testing/portal-world.ts) gives every role a known set of visible
// cases; every case here also has a comment, a work note, an incident, a problem, a change, a
// request and a work order with its task, and every account an asset. For every role and every
// API table: the list answers exactly the records of the visible cases (expected sets are computed
// from the database, not from lib/server/api/access.ts); any other record of the world, by sys_id,
// answers like a made-up one, as does a PATCH, PUT or DELETE on it (which changes nothing); a filter
// on a field the user may not read is the 400 of an unknown field; and no answer carries a work
// note, an assignee or an incident.
import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { API_TABLES, type ApiTableName } from "@/lib/domain/api/table";
import { apiTable } from "@/lib/domain/api/tables";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import {
  createChangeFromCase,
  createProblemFromCase,
  createRequestFromCase,
} from "@/lib/server/cases/create-related";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { externalFieldsOf } from "@/lib/server/api/external-fields";
import { MODEL, delegate } from "@/lib/server/api/models";
import { nextNumber } from "@/lib/server/records/numbers";
import { api, records, type ApiAnswer } from "@/lib/testing/api";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { makeWorkOrder } from "@/lib/testing/work-orders";

type Role = keyof typeof VISIBLE;
type Ids = Record<ApiTableName, number[]>;
let w: PortalWorld;
/** Every record the world made, per table (rows created after the world started). */
let world: Ids;
let workNotes: string[];
let incidentRefs: string[];
const ROLES = Object.keys(VISIBLE) as Role[];
const path = (t: ApiTableName, id?: string) => `/api/now/table/${t}${id ? `/${id}` : ""}`;
const MADE_UP_ID = 2_000_000_000;
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);

async function maxIds() {
  const out = {} as Record<ApiTableName, number>;
  for (const t of API_TABLES) {
    if (t === "sys_properties") continue;
    const top = await delegate(MODEL[t].model).findMany({
      select: { id: true },
      orderBy: { id: "desc" },
      take: 1,
    });
    out[t] = top.length ? Number(top[0].id) : 0;
  }
  return out;
}

beforeAll(async () => {
  const before = await maxIds();
  w = await makePortalWorld();
  // SET-5: one asset per account of the world (alm_asset: a contact reads their account's).
  for (const account of Object.values(w.accounts))
    await transaction(async (tx) =>
      tx.asset.create({
        data: {
          number: await nextNumber(tx, "asset"),
          name: `Asset of ${account.name}`,
          accountId: account.id,
        },
      }),
    );
  for (const k of Object.keys(w.cases) as WorldCase[]) {
    const number = w.cases[k].number;
    await postCaseJournal(w.agent, number, { comments: `comment on ${k}`, workNotes: `secret note on ${k}` });
    await createIncidentFromCase(w.agent, number);
    await createProblemFromCase(w.agent, number);
    await createChangeFromCase(w.agent, number, { type: "normal" });
    await createRequestFromCase(w.agent, number);
    await makeWorkOrder(w.agent, number);
  }
  world = {} as Ids;
  for (const t of API_TABLES) {
    if (t === "sys_properties") continue;
    const rows = await delegate(MODEL[t].model).findMany({
      where: { id: { gt: before[t] } },
      select: { id: true },
    });
    world[t] = ids(rows);
  }
  world.sys_properties = [];
  const notes = await db().journalEntry.findMany({
    where: { id: { gt: before.sys_journal_field }, kind: "work_notes" },
  });
  workNotes = notes.map((n) => n.body);
  const incidents = await db().incident.findMany({ where: { id: { in: world.incident } } });
  incidentRefs = incidents.flatMap((i) => [i.number, sysIdOf("incident", i.id)]);
  expect(workNotes.length).toBeGreaterThan(7);
  expect(world.wm_task.length).toBeGreaterThan(0);
});

/** What the portal shows `role`, per table — from the world's relations, not from access.ts. */
async function expected(role: Role): Promise<Ids | null> {
  const user = w.users[role];
  const caseIds = VISIBLE[role].map((k) => w.cases[k].id);
  const cases = await db().case.findMany({ where: { id: { in: caseIds } } });
  const orders = ids(await db().workOrder.findMany({ where: { caseId: { in: caseIds } } }));
  const accounts =
    user.accountId === null
      ? []
      : role === "partnerAdmin"
        ? [w.accounts.partner.id, w.accounts.customer.id]
        : [user.accountId];
  return {
    sn_customerservice_case: [...caseIds].sort((a, b) => a - b),
    incident: [],
    problem: ids(cases.flatMap((c) => (c.problemId ? [{ id: c.problemId }] : []))),
    change_request: ids(
      cases.flatMap((c) => [c.changeId, c.causedById].filter(Boolean).map((id) => ({ id }))),
    ),
    sc_request: ids(await db().request.findMany({ where: { caseId: { in: caseIds } } })),
    wm_order: orders,
    wm_task: ids(await db().workOrderTask.findMany({ where: { workOrderId: { in: orders } } })),
    customer_account: accounts.sort((a, b) => a - b),
    customer_contact: user.kind === "contact" ? [user.id] : [],
    csm_consumer: user.kind === "consumer" ? [user.id] : [],
    // POR-1: the assets the New case form offers — their account's (a consumer has none)
    alm_asset: ids(
      await db().asset.findMany({
        where: { accountId: user.kind === "contact" && user.accountId !== null ? user.accountId : -1 },
      }),
    ),
    sys_user: [user.id],
    sys_user_group: [],
    sys_properties: [],
    sys_journal_field: ids(
      await db().journalEntry.findMany({
        where: { table: "sn_customerservice_case", kind: "comments", recordId: { in: caseIds } },
      }),
    ),
  };
}

const FORBIDDEN_TABLES: ApiTableName[] = ["incident", "sys_user_group", "sys_properties"];
/** An answer with the sys_id (or field name) it names replaced: "not found" must not depend on it. */
const shape = (a: ApiAnswer, name: string) => ({
  status: a.status,
  type: a.headers.get("content-type"),
  body: JSON.stringify(a.json).replace(new RegExp(`\\b${name}\\b`, "g"), "<name>"),
});

/** No work note's text, no assignee and no incident in an answer (JRN-3, ROLE-1, ROLE-3). */
function expectClean(a: ApiAnswer, what: string) {
  const text = JSON.stringify(a.json);
  for (const note of workNotes) expect(text, `${what}: work note`).not.toContain(note);
  for (const ref of incidentRefs) expect(text, `${what}: incident`).not.toContain(ref);
  expect(text, `${what}: assigned_to`).not.toContain('"assigned_to"');
  expect(text, `${what}: work_notes`).not.toContain('"work_notes"');
  expect(text, `${what}: incident field`).not.toContain('"incident"');
  expect(text, `${what}: incident link`).not.toContain("/incident/");
}

describe("REL-7 / ROLE-3 / API-3: the Table API reads exactly what the portal shows", () => {
  for (const role of ROLES) {
    it(`REL-7 / ROLE-3 / API-3: ${role} — every table's list is the portal's records, nothing else`, async () => {
      const as = w.users[role];
      const want = (await expected(role))!;
      for (const t of API_TABLES) {
        const list = await api("GET", `${path(t)}?sysparm_display_value=all`, { as });
        if (FORBIDDEN_TABLES.includes(t)) {
          expect(list.status, `${role} ${t}`).toBe(403);
          continue;
        }
        expect(list.status, `${role} ${t}: ${JSON.stringify(list.json)}`).toBe(200);
        const got = records(list).map((r) => (r.sys_id as { value?: string }).value ?? r.sys_id);
        expect([...got].sort(), `${role} ${t}`).toEqual(want[t].map((id) => sysIdOf(t, id)).sort());
        expect(list.headers.get("x-total-count")).toBe(String(want[t].length));
        expectClean(list, `${role} ${t}`);
        const plain = await api("GET", `${path(t)}?sysparm_display_value=true`, { as });
        expectClean(plain, `${role} ${t} display values`);
      }
      // the journal: comments of the visible cases, never a work note (JRN-3)
      const journal = records(await api("GET", path("sys_journal_field"), { as }));
      expect(journal.map((j) => j.element)).toEqual(journal.map(() => "comments"));
      expect(journal.map((j) => j.value).sort()).toEqual(VISIBLE[role].map((k) => `comment on ${k}`).sort());
    });

    it(`REL-7 / POR-4 / API-3: ${role} — another record by sys_id, PATCH, PUT or DELETE answers like a made-up one and changes nothing`, async () => {
      const as = w.users[role];
      const want = (await expected(role))!;
      for (const t of API_TABLES) {
        const madeUp = sysIdOf(t, MADE_UP_ID);
        const missing = {
          GET: shape(await api("GET", path(t, madeUp), { as }), madeUp),
          PATCH: shape(await api("PATCH", path(t, madeUp), { as, body: { short_description: "x" } }), madeUp),
          PUT: shape(await api("PUT", path(t, madeUp), { as, body: { short_description: "x" } }), madeUp),
          DELETE: shape(await api("DELETE", path(t, madeUp), { as }), madeUp),
        };
        expect(missing.GET.status, `${role} ${t}`).toBe(FORBIDDEN_TABLES.includes(t) ? 403 : 404);
        // a 32-hex string that is no sys_id at all answers the same
        const garbage = "0123456789abcdef0123456789abcdef";
        expect(shape(await api("GET", path(t, garbage), { as }), garbage)).toEqual(missing.GET);
        const hidden = world[t].filter((id) => !want[t].includes(id));
        if (!FORBIDDEN_TABLES.includes(t) && t !== "customer_contact")
          expect(hidden.length, `${role} ${t}: the world has records out of scope`).toBeGreaterThan(0);
        for (const id of hidden) {
          const sysId = sysIdOf(t, id);
          const row = () => delegate(MODEL[t].model).findFirst({ where: { id } });
          const before = await row();
          for (const method of ["GET", "PATCH", "PUT", "DELETE"] as const) {
            const body = method === "PATCH" || method === "PUT" ? { short_description: "x" } : undefined;
            const answer = await api(method, path(t, sysId), { as, body });
            expect(shape(answer, sysId), `${role} ${method} ${t} #${id}`).toEqual(missing[method]);
          }
          expect(await row(), `${role} ${t} #${id} unchanged`).toEqual(before);
        }
        // what they may see answers (so the comparison above can fail)
        for (const id of want[t]) {
          const one = await api("GET", path(t, sysIdOf(t, id)), { as });
          expect(one.status, `${role} ${t} #${id}`).toBe(200);
          expectClean(one, `${role} ${t} #${id}`);
        }
      }
    });

    it(`REL-7 / ROLE-3 / API-5: ${role} — a reference given by display value resolves only within their scope`, async () => {
      const as = w.users[role];
      const input = "?sysparm_input_display_value=true";
      const hiddenAccount = w.accounts.unrelated.name;
      const hiddenCase = await db().case.findUniqueOrThrow({ where: { id: w.cases.unrelated.id } });
      const hiddenProblem = (await db().problem.findUniqueOrThrow({ where: { id: hiddenCase.problemId! } }))
        .number;
      const post = async (account: string) =>
        shape(
          await api("POST", `${path("sn_customerservice_case")}${input}`, {
            as,
            body: { short_description: "x", account },
          }),
          account,
        );
      expect(await post(hiddenAccount), `${role} POST naming another account`).toEqual(
        await post("No such account 42"),
      );
      const visible = w.cases[VISIBLE[role][0]];
      const before = await db().case.findUniqueOrThrow({ where: { id: visible.id } });
      const patch = async (problem: string) =>
        shape(
          await api(
            "PATCH",
            `${path("sn_customerservice_case", sysIdOf("sn_customerservice_case", visible.id))}${input}`,
            {
              as,
              body: { problem },
            },
          ),
          problem,
        );
      expect(await patch(hiddenProblem), `${role} PATCH naming another problem`).toEqual(
        await patch("PRB9999999"),
      );
      expect(await db().case.findUniqueOrThrow({ where: { id: visible.id } })).toEqual(before);
    });

    it(`REL-7 / ROLE-3 / API-3: ${role} — a filter or ordering on a field they may not read is the 400 of an unknown field`, async () => {
      const as = w.users[role];
      for (const t of API_TABLES.filter((t) => !FORBIDDEN_TABLES.includes(t))) {
        const readable = externalFieldsOf(t);
        const hidden = Object.keys(apiTable(t).fields).filter((f) => !readable.has(f));
        const unknown = "zz_no_such_field";
        const q = (f: string) => `${path(t)}?sysparm_query=${f}ISNOTEMPTY`;
        const o = (f: string) => `${path(t)}?sysparm_query=ORDERBY${f}`;
        const refusedQ = shape(await api("GET", q(unknown), { as }), unknown);
        const refusedO = shape(await api("GET", o(unknown), { as }), unknown);
        expect(refusedQ.status).toBe(400);
        for (const f of hidden) {
          expect(shape(await api("GET", q(f), { as }), f), `${role} ${t}.${f}`).toEqual(refusedQ);
          expect(shape(await api("GET", o(f), { as }), f), `${role} ${t} ORDERBY ${f}`).toEqual(refusedO);
        }
      }
      // the case table always hides these: assignee, work notes, the incident (ROLE-1, JRN-3)
      for (const f of ["assigned_to", "work_notes", "incident"])
        expect(externalFieldsOf("sn_customerservice_case").has(f)).toBe(false);
    });
  }
});
