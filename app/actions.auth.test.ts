// ROLE-2 / REL-3: every server action checks the session and the role itself. This test finds
// every action module under app/ and calls each exported action directly — as nobody, as an
// external customer and as a wrong-role internal user — and proves nothing changes.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
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
/**
 * The portal's actions serve external users: a customer's call about a record outside their scope
 * answers "not found" (POR-4), or a field error before any read; it still changes nothing.
 */
const isPortalModule = (path: string) => path.startsWith("/app/portal/");
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

  const cases: [string, () => Promise<Actor | null>][] = [
    ["anonymous", async () => null],
    ["an external customer (ROLE-3)", async () => (await makeCustomer()).contact],
    ["an internal user with no roles", async () => makeUser([])],
  ];

  for (const [who, make] of cases) {
    it(`ROLE-2: ${who} changes nothing through any action`, async () => {
      session.actor = await make();
      const before = await counts();
      for (const [path, mod] of Object.entries(modules)) {
        if (PUBLIC_MODULES.includes(path)) continue;
        // A signed-in caller's own-account action refuses the test form as invalid (no current password).
        const external = session.actor?.kind === "contact";
        const refused =
          session.actor && SELF_SERVICE_MODULES.includes(path)
            ? /invalid/
            : external && isPortalModule(path)
              ? /^(not_found|invalid)$/
              : /unauthenticated|forbidden/;
        for (const { name, result } of await callAll(path, mod)) {
          expect(result, `${path}#${name}`).toMatchObject({ ok: false });
          expect((result as { kind: string }).kind, `${path}#${name}`).toMatch(refused);
        }
      }
      expect(await counts()).toEqual(before);
    });
  }

  it("ROLE-3, REL-7: an agent and an admin are refused by every portal action, changing nothing", async () => {
    const portal = Object.entries(modules).filter(([path]) => isPortalModule(path));
    expect(portal.length).toBeGreaterThanOrEqual(1);
    for (const make of [makeAgent, () => makeUser(["admin"])]) {
      session.actor = await make();
      const before = await counts();
      for (const [path, mod] of portal)
        for (const { name, result } of await callAll(path, mod))
          expect(result, `${path}#${name}`).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await counts()).toEqual(before);
    }
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
