import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { VIEWS_PER_USER_MAX } from "@/lib/domain/views/views";
import { makeAgent, makeItil, makeUser } from "@/lib/testing/fixtures";
import { readRequester } from "../auth/requester-read";
import { createSession } from "../auth/sessions";
import { deleteView, listViews, saveView } from "./views";

describe("saved views of the case list (WRK-4)", () => {
  it("WRK-4: a view keeps only the list's filter keys, re-written in order; bad values and the page are dropped", async () => {
    const agent = await makeAgent();
    const view = await saveView(agent, {
      name: "  My urgent replies ",
      query: "?page=3&replied=1&evil=<script>&priority=9&sort=-priority&state=open&group=mine&q=%00disk",
    });
    expect(view).toMatchObject({
      name: "My urgent replies",
      query: "q=disk&state=open&group=mine&replied=1&sort=-priority",
    });
    expect(view.href).toBe(`/cases?q=disk&state=open&group=mine&replied=1&sort=-priority&view=${view.id}`);
    expect(await listViews(agent)).toEqual([view]);
  });

  it("WRK-4: views are per person — a name used twice (any letter case) is refused; another person may use it", async () => {
    const [a, b] = [await makeAgent(), await makeAgent()];
    await saveView(a, { name: "Open P1", query: "state=open&priority=1" });
    await expect(saveView(a, { name: "open p1", query: "state=open" })).rejects.toMatchObject({
      kind: "invalid",
      field: "name",
      message: "You already have a view named open p1; pick another name.",
    });
    await saveView(b, { name: "Open P1", query: "priority=1" });
    expect((await listViews(a)).map((v) => v.query)).toEqual(["state=open&priority=1"]);
    expect((await listViews(b)).map((v) => v.query)).toEqual(["priority=1"]);
    await expect(saveView(a, { name: "x".repeat(61), query: "" })).rejects.toMatchObject({ field: "name" });
  });

  it("WRK-4: views are listed by name in any letter case ('alpha' before 'Zeta'), in the navigation's read too", async () => {
    const agent = await makeAgent();
    for (const name of ["Zeta queue", "alpha queue", "Beta queue"])
      await saveView(agent, { name, query: "state=open" });
    const names = ["alpha queue", "Beta queue", "Zeta queue"];
    expect((await listViews(agent)).map((v) => v.name)).toEqual(names);
    const sid = await createSession(agent.id);
    expect((await readRequester(agent.id, sid, new Date())).views.map((v) => v.name)).toEqual(names);
  });

  it("WRK-4: only one's own views are deleted; another person's is not found and stays", async () => {
    const [a, b] = [await makeAgent(), await makeAgent()];
    const mine = await saveView(a, { name: "Mine", query: "assignedTo=me" });
    await expect(deleteView(b, { id: String(mine.id) })).rejects.toMatchObject({ kind: "not_found" });
    expect(await db().savedView.count({ where: { id: mine.id } })).toBe(1);
    await deleteView(a, { id: String(mine.id) });
    expect(await listViews(a)).toEqual([]);
  });

  it(`WRK-4: at most ${VIEWS_PER_USER_MAX} views a person; only case readers save views`, async () => {
    const agent = await makeAgent();
    await db().savedView.createMany({
      data: Array.from({ length: VIEWS_PER_USER_MAX }, (_, i) => ({
        userId: agent.id,
        name: `V${i}`,
        query: "",
      })),
    });
    await expect(saveView(agent, { name: "One more", query: "" })).rejects.toMatchObject({ field: "name" });
    expect(await db().savedView.count({ where: { userId: agent.id } })).toBe(VIEWS_PER_USER_MAX);
    const itil = await makeItil(); // reads cases (ITSM fulfiller): may keep views
    expect((await saveView(itil, { name: "Mine", query: "" })).href).toMatch(/^\/cases\?view=\d+$/);
    await expect(saveView(await makeUser([]), { name: "No", query: "" })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(listViews(await makeUser([]))).rejects.toMatchObject({ kind: "forbidden" });
  });
});
