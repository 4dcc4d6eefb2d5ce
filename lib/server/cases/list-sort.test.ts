import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { makeAgent, unique } from "@/lib/testing/fixtures";
import { listCases } from "./list";

describe("sorting the case list by State (WRK-4, REC-2)", () => {
  it("WRK-4 / REC-2: State sorts as the lifecycle runs (New, Open, Awaiting Info, Resolved…), not by stored value", async () => {
    const agent = await makeAgent();
    const tag = unique("sortstate");
    const states = [
      CaseState.Resolved,
      CaseState.AwaitingInfo,
      CaseState.New,
      CaseState.Open,
      CaseState.Closed,
    ];
    for (const [i, state] of states.entries())
      await db().case.create({
        data: { number: `CS8${tag.slice(-6)}${i}`, shortDescription: `${tag} ${i}`, state },
      });
    const order = async (sort: string) =>
      (await listCases(agent, { state: "all", q: tag, sort })).rows.map((r) => r.state);
    expect(await order("state")).toEqual([
      CaseState.New,
      CaseState.Open,
      CaseState.AwaitingInfo,
      CaseState.Resolved,
      CaseState.Closed,
    ]);
    expect(await order("-state")).toEqual([
      CaseState.Closed,
      CaseState.Resolved,
      CaseState.AwaitingInfo,
      CaseState.Open,
      CaseState.New,
    ]);
  });

  it("WRK-4: a name column sorts whatever the letter case, and the cases without a value last, either way, on both databases", async () => {
    const agent = await makeAgent();
    const tag = unique("sortname");
    const names = ["bob", "Alice", "Zed"];
    const people = [];
    for (const name of names) {
      const u = await makeAgent();
      people.push(await db().user.update({ where: { id: u.id }, data: { name: `${name} ${tag}` } }));
    }
    for (const [i, assignee] of [...people, null].entries())
      await db().case.create({
        data: {
          number: `CS7${tag.slice(-6)}${i}`,
          shortDescription: `${tag} ${i}`,
          state: CaseState.Open,
          assignedToId: assignee?.id ?? null,
        },
      });
    const order = async (sort: string) =>
      (await listCases(agent, { state: "all", q: tag, sort })).rows.map(
        (r) => r.assignedTo?.name.split(" ")[0] ?? null,
      );
    expect(await order("assigned_to")).toEqual(["Alice", "bob", "Zed", null]);
    expect(await order("-assigned_to")).toEqual(["Zed", "bob", "Alice", null]);
  });
});
