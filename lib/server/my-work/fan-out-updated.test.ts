import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeItil } from "@/lib/testing/fixtures";
import { postIncidentJournal } from "../incidents/journal";
import { createIncident } from "../incidents/write";

const N = 10_000;

describe("WRK-3 at scale", () => {
  it("WRK-3 / PERF-3: an incident comment fanned out to 10,000 cases moves every case's Updated time", async () => {
    const itil = await makeItil();
    const { number } = await createIncident(itil, { shortDescription: "Fan-out of ten thousand" });
    const incident = await db().incident.findUniqueOrThrow({ where: { number } });
    const past = new Date(Date.now() - 3_600_000);
    const tag = `FO${incident.id}-`;
    // 10,000 linked cases in one statement (a recursive series works on both databases).
    await db().$executeRaw`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
      INSERT INTO "Case" ("number", "shortDescription", "description", "state", "priority", "impact", "urgency",
        "channel", "proactive", "incidentId", "majorCaseState", "version", "createdAt", "updatedAt")
      SELECT ${tag} || CAST(i AS TEXT), 'linked', '', 10, 4, 3, 3, 'web', ${false}, ${incident.id}, '', 1,
        ${past}, ${past}
      FROM n`;
    const started = Date.now();
    await postIncidentJournal(itil, number, { comments: "Fixed upstream." });
    const took = Date.now() - started;
    const moved = await db().case.count({ where: { incidentId: incident.id, updatedAt: { gt: past } } });
    const notes = await db().journalEntry.count({
      where: {
        table: "sn_customerservice_case",
        kind: "work_notes",
        sourceTable: "incident",
        sourceId: incident.id,
      },
    });
    expect(notes).toBe(N);
    expect(moved).toBe(N);
    // One INSERT … SELECT and the trigger's set-based update: seconds would mean a loop per case.
    expect(took).toBeLessThan(15_000);
  }, 60_000);
});
