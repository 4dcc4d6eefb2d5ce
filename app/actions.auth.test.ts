// ROLE-2 / REL-3: every server action checks the session and the role itself. This test finds
// every action module under app/ and calls each exported action directly — as nobody, as an
// external customer and as a wrong-role internal user — and proves nothing changes.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import {
  makeAccount,
  makeAdmin,
  makeAgent,
  makeCase,
  makeCustomer,
  makeItil,
  makeUser,
} from "@/lib/testing/fixtures";
import { createSession } from "@/lib/server/auth/sessions";
import { createTokenForUser } from "@/lib/server/tokens/admin";
import { createIncident } from "@/lib/server/incidents/write";
import { makeWorkOrder } from "@/lib/testing/work-orders";
import { actionModules, PUBLIC_ACTION_MODULES } from "@/lib/testing/action-modules";

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

const PUBLIC_MODULES = PUBLIC_ACTION_MODULES;
/** Every signed-in person may use these on their own account (REL-5: change password); anonymous may not. */
const SELF_SERVICE_MODULES = ["/app/account/password/actions.ts"];
/** The portal's actions: for external users with a portal role, refused to everyone else (POR-1). */
const isPortal = (path: string) => path.startsWith("/app/portal/");
const modules = actionModules();

type Fixture = {
  accountId: number;
  caseNumber: string;
  incidentNumber: string;
  workOrderNumber: string;
  targetUserId: number;
  tokenId: number;
};
let fx: Fixture;

beforeAll(async () => {
  const agent = await makeAgent();
  const itil = await makeItil();
  fx = {
    accountId: (await makeAccount()).id,
    caseNumber: (await makeCase(agent)).number,
    incidentNumber: (await createIncident(itil, { shortDescription: "auth test" })).number,
    workOrderNumber: (await makeWorkOrder(agent, (await makeCase(agent)).number)).number,
    targetUserId: agent.id,
    tokenId: (await createTokenForUser(await makeAdmin(), { name: "REL-3", userId: String(agent.id) })).id,
  };
  await createSession(agent.id);
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
    // ADM-3 / ADM-4: a valid target, so a refusal is the role check's doing.
    userId: String(fx.targetUserId),
    role: "itil",
    active: "false",
    id: String(fx.tokenId),
    email: "never-created@test.example",
    kind: "internal",
    password: "a-long-enough-password",
    // SET-2, SET-4: a valid account, contact and invitation, so a refusal is the role check's doing.
    accountId: String(fx.accountId),
    otherAccountId: String(fx.accountId),
    isCustomer: "on",
    phone: "+1 555 0100",
    roles: "customer",
    requestKey: "0123456789abcdef0123456789abcdef",
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
  // ADM-3 / ADM-4: users, their roles and active state, sessions and API tokens.
  users: await db().user.count({ where: { active: true } }),
  roles: await db().userRole.count(),
  sessions: await db().session.count(),
  tokens: await db().apiToken.count({ where: { revokedAt: null } }),
  // SET-2, SET-4: the customer directory, invitations and their emails.
  accounts: await db().account.aggregate({ _count: true, _sum: { version: true } }),
  assets: await db().asset.count(),
  relationships: await db().accountRelationship.count(),
  userVersions: await db().user.aggregate({ _sum: { version: true } }),
  links: await db().passwordToken.count(),
  outbox: await db().outboxMessage.count(),
  views: await db().savedView.count(), // WRK-4
  notificationsOff: await db().notificationOff.count(), // NOT-2
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

  it("ADM-3 / REL-3: the generic form deactivates a user when an admin sends it (the test can fail)", async () => {
    session.actor = await makeAdmin();
    const target = await makeAgent();
    await createSession(target.id);
    const mod = modules["/app/(workspace)/admin/users/actions.ts"] as {
      setUserActiveAction: (p: null, f: FormData) => Promise<{ ok: boolean }>;
    };
    const f = form();
    f.set("userId", String(target.id));
    expect(await mod.setUserActiveAction(null, f)).toMatchObject({ ok: true });
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
  });

  it("SET-2 / REL-3: the generic form adds a contact when a manager sends it (the test can fail)", async () => {
    session.actor = await makeUser([ROLE.manager]);
    const mod = modules["/app/(workspace)/admin/accounts/actions.ts"] as {
      createContactAction: (p: null, f: FormData) => Promise<{ ok: boolean }>;
    };
    const f = form();
    f.set("email", `set2-${Date.now()}@test.example`);
    expect(await mod.createContactAction(null, f)).toMatchObject({ ok: true });
  });
});
