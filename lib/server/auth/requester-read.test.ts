// PERF-8: a signed-in request reads its person, their roles, the switched-off plugins and the
// person's saved views in one statement; REL-5: only while the session lasts.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { saveView } from "../views/views";
import { loadSessionStart } from "./load-actor";
import { readRequester } from "./requester-read";
import { createSession } from "./sessions";

const PLUGINS = ["test_requester_a", "test_requester_b", "test_requester_on"];

afterEach(async () => {
  await db().plugin.deleteMany({ where: { id: { in: PLUGINS } } });
});

/** The statements `run` sends through the driver (the hook the server's query log installs). */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const hooks = globalThis as unknown as Record<symbol, ((sql: string) => void) | undefined>;
  const key = Symbol.for("caseflow.countQuery");
  const statements: string[] = [];
  hooks[key] = (sql) => statements.push(sql);
  try {
    return { result: await run(), statements };
  } finally {
    delete hooks[key];
  }
}

describe("the requester's statement (PERF-8, REL-5)", () => {
  it("PERF-8: one statement reads the person with roles, the plugins switched off and their views in name order", async () => {
    const agent = await makeUser(["sn_customerservice_agent", "itil"]);
    const other = await makeUser(["sn_customerservice_agent"]);
    const sid = await createSession(agent.id);
    for (const [id, active] of [
      [PLUGINS[1], false],
      [PLUGINS[0], false],
      [PLUGINS[2], true],
    ] as const) {
      await db().plugin.create({ data: { id, name: id, description: "test", active } });
    }
    await saveView(agent, { name: "zeta", query: "state=open" });
    await saveView(agent, { name: "Alpha", query: "priority=1" });
    await saveView(other, { name: "Other's", query: "priority=2" });

    const { result: doc, statements } = await counted(() => readRequester(agent.id, sid, new Date()));
    expect(statements).toHaveLength(1);
    expect(doc.user).toEqual({
      id: agent.id,
      name: agent.name,
      email: agent.email,
      kind: agent.kind,
      accountId: null,
      active: true,
    });
    expect(doc.roles).toEqual(["itil", "sn_customerservice_agent"]);
    expect(doc.pluginsOff.filter((id) => PLUGINS.includes(id))).toEqual([PLUGINS[0], PLUGINS[1]]);
    expect(doc.views.map((v) => [v.name, v.query])).toEqual([
      ["Alpha", "priority=1"],
      ["zeta", "state=open"],
    ]);
  });

  it("REL-5: an expired session, another person's session or an unknown one reads no person", async () => {
    const agent = await makeUser(["sn_customerservice_agent"]);
    const other = await makeUser(["sn_customerservice_agent"]);
    const sid = await createSession(agent.id);
    await saveView(agent, { name: "Mine", query: "state=open" });
    await saveView(other, { name: "Theirs", query: "state=open" });
    const later = new Date(Date.now() + 9 * 3600_000);
    const nobody = { user: null, roles: [], views: [] };
    // Nothing of the person the cookie names comes back without a live session of theirs.
    expect(await readRequester(agent.id, sid, later)).toMatchObject(nobody);
    expect(await readRequester(other.id, sid, new Date())).toMatchObject(nobody);
    expect(await readRequester(agent.id, "made-up", new Date())).toMatchObject(nobody);
    expect((await readRequester(agent.id, sid, new Date())).views).toHaveLength(1);
    // A person without roles is still read (their pages then refuse what needs a role).
    const bare = await makeUser([]);
    const doc = await readRequester(bare.id, await createSession(bare.id), new Date());
    expect(doc.user?.id).toBe(bare.id);
    expect(doc.roles).toEqual([]);
    expect(doc.views).toEqual([]);
  });

  it("REL-5: a deactivated person's live session signs nobody in", async () => {
    const agent = await makeUser(["sn_customerservice_agent"]);
    const sid = await createSession(agent.id);
    expect((await loadSessionStart({ userId: agent.id, sid }))?.actor).toMatchObject({ id: agent.id });
    await db().user.update({ where: { id: agent.id }, data: { active: false } });
    expect(await loadSessionStart({ userId: agent.id, sid })).toBeNull();
  });
});
