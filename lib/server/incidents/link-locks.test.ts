// INC-4 / SYNC-2: Remove Incident (and Associate, and Related Records) while the incident is saved.
// The case side locked the case and then the incident; an incident's update locks the incident and
// then its cases (the fan-out of its work notes). On PostgreSQL the two waited on each other and one
// failed with a deadlock; now the case side locks the incident first. (SQLite runs one write
// transaction at a time: the test holds there trivially.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { api } from "@/lib/testing/api";
import { DomainError } from "@/lib/domain/errors";
import { IncidentState } from "@/lib/domain/records/choices";
import { makeAgent, makeCase, makeItil, makeManager } from "@/lib/testing/fixtures";
import { acceptMajorCase, proposeMajorCase } from "../major/propose";
import { associateIncident, createIncidentFromCase, removeIncident } from "./link";
import { updateIncident } from "./write";

describe("case-side incident links while the incident is saved (INC-4, SYNC-2)", () => {
  it("INC-4 / SYNC-2: Remove and Associate Incident while the incident moves On Hold and back: no deadlock", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const first = await makeCase(agent);
    const c = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, first.number);
    await associateIncident(agent, c.number, incidentNumber);
    const unexpected: string[] = [];
    for (let round = 0; round < 8; round++) {
      const inc = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
      const onHold = inc.state === IncidentState.OnHold;
      const move = onHold
        ? { version: inc.version, state: IncidentState.InProgress }
        : { version: inc.version, state: IncidentState.OnHold, onHoldReason: 4 };
      const linked = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId !== null;
      const results = await Promise.allSettled([
        updateIncident(itil, incidentNumber, move),
        linked ? removeIncident(agent, c.number) : associateIncident(agent, c.number, incidentNumber),
      ]);
      for (const r of results) {
        if (r.status === "fulfilled") continue;
        // A save from the version the link's own change replaced is refused as stale: expected.
        if (r.reason instanceof DomainError && r.reason.kind === "conflict") continue;
        unexpected.push(String(r.reason));
      }
    }
    expect(unexpected).toEqual([]);
  });

  it("INC-4 / MAJ-2: Remove Incident while a manager accepts the case as major (a new major case naming the incident): no deadlock", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const { incidentNumber } = await createIncidentFromCase(agent, (await makeCase(agent)).number);
    const unexpected: string[] = [];
    for (let round = 0; round < 6; round++) {
      const c = await makeCase(agent);
      await associateIncident(agent, c.number, incidentNumber);
      await proposeMajorCase(agent, c.number, { workNotes: "Stores down", businessImpact: "40 stores" });
      const results = await Promise.allSettled([
        acceptMajorCase(manager, c.number),
        removeIncident(agent, c.number),
      ]);
      for (const r of results)
        if (r.status === "rejected" && !(r.reason instanceof DomainError)) unexpected.push(String(r.reason));
    }
    expect(unexpected).toEqual([]);
  });

  it("INC-4 / API-2: a Table API PATCH with a work note that unlinks the incident while the incident is saved: no deadlock", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, (await makeCase(agent)).number);
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    const unexpected: string[] = [];
    for (let round = 0; round < 6; round++) {
      await associateIncident(agent, c.number, incidentNumber);
      const inc = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
      const move =
        inc.state === IncidentState.OnHold
          ? { version: inc.version, state: IncidentState.InProgress }
          : { version: inc.version, state: IncidentState.OnHold, onHoldReason: 4 };
      const [saved, patched] = await Promise.allSettled([
        updateIncident(itil, incidentNumber, move),
        api("PATCH", path, { as: agent, body: { work_notes: `Unlinking ${round}`, incident: "" } }),
      ]);
      if (saved.status === "rejected" && !(saved.reason instanceof DomainError))
        unexpected.push(String(saved.reason));
      if (patched.status === "rejected") unexpected.push(String(patched.reason));
      else if (patched.value.status >= 500) unexpected.push(JSON.stringify(patched.value.json));
      expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).incidentId).toBeNull();
    }
    expect(unexpected).toEqual([]);
  });
});
