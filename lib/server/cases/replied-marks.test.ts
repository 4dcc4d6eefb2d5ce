// WRK-3: the "Customer replied" mark shows in every list of cases until the assignee opens the case —
// the incident's and the problem's Customer Cases, the Major cases page and a major case's Child Cases
// too (customers answer a proactive notification by email, PRO-5: their cases sit in those lists).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAgent, makeCase, makeManager } from "@/lib/testing/fixtures";
import { makeMajorCase } from "@/lib/testing/major";
import { createIncidentFromCase } from "../incidents/link";
import { getIncidentView } from "../incidents/read";
import { getProblemView } from "../itsm/read";
import { majorCaseOverview } from "../major/read";
import { createProblemFromCase } from "./create-related";
import { getCaseView } from "./view";

const mark = (id: number) => db().case.update({ where: { id }, data: { customerRepliedAt: new Date() } });

describe("the Customer replied mark in every list (WRK-3)", () => {
  it("WRK-3: an incident's and a problem's Customer Cases mark the case the customer answered", async () => {
    const agent = await makeAgent();
    const [answered, quiet] = [await makeCase(agent), await makeCase(agent)];
    const { incidentNumber } = await createIncidentFromCase(agent, answered.number);
    const { number: problem } = await createProblemFromCase(agent, answered.number);
    await mark(answered.id);
    const incident = await getIncidentView(agent, incidentNumber);
    expect(incident.cases.map((c) => [c.number, c.replied])).toEqual([[answered.number, true]]);
    const view = await getProblemView(agent, problem);
    expect(view.cases.map((c) => [c.number, c.replied])).toEqual([[answered.number, true]]);
    expect(quiet.customerRepliedAt).toBeNull();
  });

  it("WRK-3: the Major cases page and a major case's Child Cases mark the answered cases", async () => {
    const manager = await makeManager();
    const made = await makeMajorCase(await makeAgent(), manager, { more: 1 });
    const [candidate, quiet] = made.children;
    const major = made.major.number;
    await mark(candidate.id);
    const children = (await getCaseView(manager, major)).children!.rows;
    expect(children.map((c) => [c.number, c.replied])).toEqual([
      [candidate.number, true],
      [quiet.number, false],
    ]);
    await mark(made.major.id);
    const { majors } = await majorCaseOverview(manager);
    expect(majors.find((m) => m.number === major)?.customerReplied).toBe(true);
  });
});
