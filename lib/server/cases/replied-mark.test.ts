import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { caseWithCustomer } from "@/lib/testing/inbound";
import type { Actor } from "@/lib/domain/auth/roles";
import { resolveCase } from "@/lib/testing/fixtures";
import { runCaseAction } from "./write";
import { replyOnPortal } from "../portal/answers";
import { listCases } from "./list";

const marked = async (agent: Actor, number: string) => {
  const all = await listCases(agent, { state: "all", q: number });
  const replied = await listCases(agent, { state: "all", replied: "1", q: number });
  return [all.rows[0]?.customerReplied, replied.rows.map((r) => r.number)];
};

describe("the Customer replied mark (WRK-3)", () => {
  it("WRK-3: a case no longer open drops the mark from the lists and the Customer replied filter", async () => {
    const { agent, contact, c } = await caseWithCustomer();
    await replyOnPortal(contact, c.number, { reply: "Any news?", idempotencyKey: "m1" });
    expect(await marked(agent, c.number)).toEqual([true, [c.number]]);
    await resolveCase(agent, c.number);
    expect(await marked(agent, c.number)).toEqual([false, []]);
    const { version } = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    await runCaseAction(agent, c.number, { action: "close", version });
    expect(await marked(agent, c.number)).toEqual([false, []]);
  });
});
