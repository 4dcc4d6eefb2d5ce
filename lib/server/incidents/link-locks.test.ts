// INC-4 / SYNC-2: Remove Incident (and Associate, and Related Records) while the incident is saved.
// The case side locked the case and then the incident; an incident's update locks the incident and
// then its cases (the fan-out of its work notes). On PostgreSQL the two waited on each other and one
// failed with a deadlock; now the case side locks the incident first. (SQLite runs one write
// transaction at a time: the test holds there trivially.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { IncidentState } from "@/lib/domain/records/choices";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
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
});
