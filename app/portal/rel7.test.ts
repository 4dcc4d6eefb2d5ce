// REL-7 / ROLE-3 / POR-4: no customer, partner or consumer reaches a record outside their scope
// through any portal page, dialog, action or route. The world (lib/testing/portal-world.ts) gives
// each role a known set of visible cases; every case also has a comment, a work note, a request
// and a work order with a task. For every role and every case it may NOT see, each read behind a
// portal page, dialog or route, and every exported portal action (found by glob, so a new one is
// covered or fails the completeness check), answers exactly like a number that does not exist and
// changes nothing; the cases it may see work (so the test can fail).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { TABLE } from "@/lib/domain/records/tables";
import { createRequestFromCase } from "@/lib/server/cases/create-related";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { olderJournal, pollJournal } from "@/lib/server/journal/live";
import { listMyOpenCases, listMyRequests } from "@/lib/server/portal/my-lists";
import { getPortalCase, listPortalCases } from "@/lib/server/portal/cases";
import { getRelatedRecord, listRelatedRecords } from "@/lib/server/portal/related";
import { getExternalWorkOrder, listExternalWorkOrders } from "@/lib/server/work-orders/external";
import { resolveCase } from "@/lib/testing/fixtures";
import { makePortalWorld, VISIBLE, type PortalWorld, type WorldCase } from "@/lib/testing/portal-world";
import { makeWorkOrder, newKey } from "@/lib/testing/work-orders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({
  getActor: async () => session.actor,
  currentSessionId: async () => (session.actor ? "rel7-session" : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));

type Action = (...args: unknown[]) => Promise<unknown>;
const modules = import.meta.glob<Record<string, unknown>>("/app/portal/**/actions.ts", { eager: true });
const actions = Object.entries(modules).flatMap(([path, mod]) =>
  Object.entries(mod)
    .filter((e): e is [string, Action] => typeof e[1] === "function")
    .map(([name, fn]) => ({
      id: `${path.slice("/app/portal/".length).replace(/\/?actions\.ts$/, "") || "."}#${name}`,
      fn,
    })),
);
const pages = Object.keys(import.meta.glob("/app/portal/**/page.tsx"));

type Records = Record<WorldCase, { request: string; workOrder: string }>;
let w: PortalWorld;
let records: Records;

/** A form for a numbered action, aimed at `c` (the records of that case where the form names one). */
const FORMS: Record<string, (c: WorldCase) => Record<string, string>> = {
  ".#portalReplyAction": () => ({ reply: "crafted reply", idempotencyKey: newKey() }),
  ".#acceptSolutionAction": () => ({ version: "3" }),
  ".#rejectSolutionAction": () => ({ reason: "crafted", idempotencyKey: newKey(), version: "3" }),
  "related#relatedRecordAction": (c) => ({ record: records[c].request }),
  "work-orders#requestWorkOrderAction": () => ({
    description: "crafted",
    windowStart: "2026-12-01T09:00:00Z",
    windowEnd: "2026-12-01T11:00:00Z",
    requestKey: newKey(),
  }),
};
/** Actions without a record number: what they are given instead is checked in their own tests. */
const UNNUMBERED = [".#createPortalCaseAction"];
/** Every portal page and the reads it makes, by the page file (a new page must be added here). */
const PAGES = [
  "/app/portal/page.tsx",
  "/app/portal/cases/new/page.tsx",
  "/app/portal/cases/[number]/page.tsx",
  "/app/portal/my-lists/page.tsx",
  "/app/portal/work-orders/page.tsx",
  "/app/portal/work-orders/[number]/page.tsx",
];

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}
async function outcome(p: Promise<unknown>) {
  try {
    const r = (await p) as { ok?: boolean; kind?: string; message?: string };
    return r && r.ok === false ? { kind: r.kind, message: r.message } : { ok: true };
  } catch (e) {
    const d = e as { kind?: string; message?: string };
    return { kind: d.kind ?? "threw", message: d.message };
  }
}
const fingerprint = async () => ({
  cases: await db().case.aggregate({ _count: true, _sum: { version: true } }),
  journal: await db().journalEntry.count(),
  audit: await db().auditEntry.count(),
  orders: await db().workOrder.aggregate({ _count: true, _sum: { version: true } }),
  tasks: await db().workOrderTask.count(),
  outbox: await db().outboxMessage.count(),
});
const MISSING = "CS9999999";

beforeAll(async () => {
  w = await makePortalWorld();
  const entries = await Promise.all(
    (Object.keys(w.cases) as WorldCase[]).map(async (k) => {
      const c = w.cases[k];
      await postCaseJournal(w.agent, c.number, {
        comments: `comment on ${k}`,
        workNotes: `secret note on ${k}`,
      });
      const request = (await createRequestFromCase(w.agent, c.number)).number;
      const workOrder = (await makeWorkOrder(w.agent, c.number)).number;
      return [k, { request, workOrder }] as const;
    }),
  );
  records = Object.fromEntries(entries) as Records;
  // Resolved, so an unscoped Accept or Reject solution would succeed (the test could fail).
  await resolveCase(w.agent, w.cases.other.number);
  await resolveCase(w.agent, w.cases.unrelated.number);
});

describe("REL-7: nothing outside ROLE-3 is reachable from the portal", () => {
  it("REL-7: every portal page and action is enumerated here", () => {
    expect(pages.sort()).toEqual([...PAGES].sort());
    const numbered = actions.map((a) => a.id).filter((id) => !UNNUMBERED.includes(id));
    expect(numbered.filter((id) => !FORMS[id])).toEqual([]);
  });

  for (const role of Object.keys(VISIBLE) as (keyof typeof VISIBLE)[]) {
    it(`REL-7 / POR-4: ${role} — pages, dialogs, the live timeline and actions answer "not found" outside the scope`, async () => {
      const user = w.users[role];
      session.actor = user;
      const visible = VISIBLE[role];
      const hidden = (Object.keys(w.cases) as WorldCase[]).filter((k) => !visible.includes(k));
      const missing = await outcome(getPortalCase(user, MISSING));
      expect(missing.kind).toBe("not_found");

      // What the user may see works, and shows comments but never work notes (JRN-3).
      for (const k of visible) {
        const number = w.cases[k].number;
        expect((await getPortalCase(user, number)).number ?? number).toBe(number);
        const poll = await pollJournal(user, TABLE.case, number, null);
        expect(poll.entries.map((e) => e.body)).toContain(`comment on ${k}`);
        expect(poll.entries.map((e) => e.body)).not.toContain(`secret note on ${k}`);
        expect((await getExternalWorkOrder(user, records[k].workOrder)).number).toBe(records[k].workOrder);
      }

      const before = await fingerprint();
      for (const k of hidden) {
        const number = w.cases[k].number;
        const same = (o: { kind?: string; message?: string }, what: string) =>
          expect(o, `${role} ${what} of ${k}`).toEqual({
            kind: "not_found",
            message: missing.message!.replace(MISSING, number),
          });
        // /portal/cases/<number>, its live timeline (route) and "Show older"
        same(await outcome(getPortalCase(user, number)), "case page");
        expect((await outcome(pollJournal(user, TABLE.case, number, null))).kind).toBe("not_found");
        expect(
          (await outcome(olderJournal(user, TABLE.case, number, { createdAt: new Date(), id: 1 }))).kind,
        ).toBe("not_found");
        // Related Records widget and its dialog — also a hidden record asked for through a visible case
        expect((await outcome(listRelatedRecords(user, number))).kind).toBe("not_found");
        expect((await outcome(getRelatedRecord(user, number, records[k].request))).kind).toBe("not_found");
        for (const v of visible) {
          expect((await outcome(getRelatedRecord(user, w.cases[v].number, records[k].workOrder))).kind).toBe(
            "not_found",
          );
          expect((await outcome(getRelatedRecord(user, w.cases[v].number, records[k].request))).kind).toBe(
            "not_found",
          );
        }
        // /portal/work-orders/<number> (the work order, its tasks and windows)
        expect((await outcome(getExternalWorkOrder(user, records[k].workOrder))).kind).toBe("not_found");
        // Every portal action, by the hidden case's number
        for (const { id, fn } of actions.filter((a) => !UNNUMBERED.includes(a.id))) {
          const result = await outcome(fn(number, null, form(FORMS[id](k))));
          expect(result.kind, `${role} ${id} on ${k}: ${JSON.stringify(result)}`).toBe("not_found");
        }
      }
      // Lists: /portal (searching by the number), /portal/work-orders, My Lists
      const hiddenNumbers = hidden.map((k) => w.cases[k].number);
      const hiddenOrders = hidden.map((k) => records[k].workOrder);
      const hiddenRequests = hidden.map((k) => records[k].request);
      for (const n of hiddenNumbers)
        expect((await listPortalCases(user, { q: n, state: null, page: 1 })).rows).toEqual([]);
      const orders = (await listExternalWorkOrders(user, {})).rows.map((r) => r.number);
      expect(orders.filter((n) => hiddenOrders.includes(n))).toEqual([]);
      const open = (await listMyOpenCases(user)).rows.map((r) => r.caseNumber);
      expect(open.filter((n) => hiddenNumbers.includes(n))).toEqual([]);
      const requests = ((await listMyRequests(user))?.rows ?? []).map((r) => r.number);
      expect(requests.filter((n) => hiddenRequests.includes(n))).toEqual([]);
      expect(await fingerprint(), `${role}: nothing changed`).toEqual(before);
    });
  }
});
