// ROLE-2 / REL-3: every server action checks the session and the role itself. This test finds
// every action module under app/ and calls each exported action directly — as nobody, as an
// external customer and as a wrong-role internal user — and proves nothing changes.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { makeAgent, makeCase, makeCustomer, makeItil, makeUser } from "@/lib/testing/fixtures";
import { createIncident } from "@/lib/server/incidents/write";
import { makeWorkOrder } from "@/lib/testing/work-orders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({
  getActor: async () => session.actor,
  currentSessionId: async () => (session.actor ? "test-session" : null),
  requireActor: async () => {
    if (!session.actor) throw new Error("unauthenticated");
    return session.actor;
  },
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

/** Public by design: signing in and out (not loaded: it needs the next-auth runtime). */
const PUBLIC_MODULES = ["/app/login/actions.ts"];
/** Every signed-in person may use these on their own account (REL-5: change password); anonymous may not. */
const SELF_SERVICE_MODULES = ["/app/account/password/actions.ts"];
/** The portal's actions: for external users with a portal role, refused to everyone else (POR-1). */
const isPortal = (path: string) => path.startsWith("/app/portal/");
const modules = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "!/app/login/actions.ts"], {
  eager: true,
});

type Fixture = { caseNumber: string; incidentNumber: string; workOrderNumber: string };
let fx: Fixture;

beforeAll(async () => {
  const agent = await makeAgent();
  const itil = await makeItil();
  fx = {
    caseNumber: (await makeCase(agent)).number,
    incidentNumber: (await createIncident(itil, { shortDescription: "auth test" })).number,
    workOrderNumber: (await makeWorkOrder(agent, (await makeCase(agent)).number)).number,
  };
});

function form(): FormData {
  const f = new FormData();
  const values: Record<string, string> = {
    shortDescription: "should never be saved",
    description: "x",
    version: "1",
    state: "10",
    priority: "1",
    action: "accept",
    workNotes: "should never be saved",
    comments: "should never be saved",
    name: "major_case_affected_account_threshold",
    value: "3",
    impact: "1",
    urgency: "1",
  };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function callAll(modulePath: string, mod: Record<string, unknown>) {
  const results: { name: string; result: unknown }[] = [];
  const number = modulePath.includes("/incidents/")
    ? fx.incidentNumber
    : modulePath.includes("/work-orders/")
      ? fx.workOrderNumber
      : fx.caseNumber;
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== "function") continue;
    const args = fn.length >= 3 ? [number, null, form()] : fn.length === 2 ? [null, form()] : [];
    let result: unknown;
    try {
      result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      result = { threw: String(e) };
    }
    results.push({ name, result });
  }
  return results;
}

const counts = async () => ({
  cases: await db().case.count(),
  incidents: await db().incident.count(),
  journal: await db().journalEntry.count(),
  audit: await db().auditEntry.count(),
  properties: await db().systemProperty.count(),
  versions: (await db().case.findUniqueOrThrow({ where: { number: fx.caseNumber } })).version,
  workOrders: await db().workOrder.aggregate({ _count: true, _sum: { version: true } }),
  tasks: await db().workOrderTask.aggregate({ _count: true, _sum: { version: true } }),
});

describe("server actions check the session and role themselves (ROLE-2, REL-3)", () => {
  it("finds the action modules", () => {
    expect(Object.keys(modules).filter((m) => !PUBLIC_MODULES.includes(m)).length).toBeGreaterThanOrEqual(3);
  });

  // Which modules each caller must be refused by: the portal's own users are tested below.
  const cases: [string, () => Promise<Actor | null>, (path: string) => boolean][] = [
    ["anonymous", async () => null, () => true],
    ["an external customer (ROLE-3)", async () => (await makeCustomer()).contact, (p) => !isPortal(p)],
    ["an internal user with no roles", async () => makeUser([]), () => true],
    ["an agent, on the portal's actions (POR-1)", makeAgent, isPortal],
    ["an admin, on the portal's actions (POR-1)", async () => makeUser([ROLE.admin]), isPortal],
    [
      "an external user without a portal role (POR-1)",
      async () =>
        makeUser([ROLE.external], { kind: "contact", accountId: (await makeCustomer()).account.id }),
      isPortal,
    ],
  ];

  for (const [who, make, applies] of cases) {
    it(`ROLE-2: ${who} changes nothing through any action`, async () => {
      session.actor = await make();
      const before = await counts();
      for (const [path, mod] of Object.entries(modules)) {
        if (PUBLIC_MODULES.includes(path) || !applies(path)) continue;
        // A signed-in caller's own-account action refuses the test form as invalid (no current password).
        const refused =
          session.actor && SELF_SERVICE_MODULES.includes(path) ? /invalid/ : /unauthenticated|forbidden/;
        for (const { name, result } of await callAll(path, mod)) {
          expect(result, `${path}#${name}`).toMatchObject({ ok: false });
          expect((result as { kind: string }).kind, `${path}#${name}`).toMatch(refused);
        }
      }
      expect(await counts()).toEqual(before);
    });
  }

  it("POR-4 / REL-7: a customer gets not found from every portal action on another account's case", async () => {
    session.actor = (await makeCustomer()).contact;
    const before = await counts();
    let called = 0;
    // The case page's own actions (this generic form fits them); every portal action, with forms that
    // fit each, is enumerated per role in app/portal/rel7.test.ts.
    for (const [path, mod] of Object.entries(modules).filter(([p]) => p === "/app/portal/actions.ts")) {
      for (const [name, fn] of Object.entries(mod)) {
        // Only the actions on a case (number, previous state, form); New case names none.
        if (typeof fn !== "function" || fn.length < 3) continue;
        const result = await (fn as (...a: unknown[]) => Promise<unknown>)(fx.caseNumber, null, form());
        called++;
        expect(result, `${path}#${name}`).toMatchObject({
          ok: false,
          kind: "not_found",
          message: `Case ${fx.caseNumber} was not found.`,
        });
      }
    }
    expect(called).toBeGreaterThanOrEqual(3); // Reply, Accept solution, Reject solution
    expect(await counts()).toEqual(before);
  });

  it("ROLE-2: the same call by an agent does work (the test can fail)", async () => {
    session.actor = await makeAgent();
    const mod = modules["/app/(workspace)/cases/actions.ts"] as {
      postCaseJournalAction: (n: string, p: null, f: FormData) => Promise<{ ok: boolean }>;
    };
    const f = new FormData();
    f.set("workNotes", "an agent may post");
    expect(await mod.postCaseJournalAction(fx.caseNumber, null, f)).toMatchObject({ ok: true });
  });
});
