// API-2 for problem, change_request and sc_request: the record forms' services through the API.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { TABLE } from "@/lib/domain/records/tables";
import { api, errorMessage, record } from "@/lib/testing/api";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";
import {
  createChangeFromCase,
  createProblemFromCase,
  createRequestFromCase,
} from "../../cases/create-related";

const caseNotes = (caseId: number) =>
  db().journalEntry.findMany({
    where: { table: TABLE.case, recordId: caseId, kind: "work_notes", ruleName: { not: null } },
    orderBy: { id: "asc" },
  });

async function linkedProblem() {
  const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
  const c = await makeCase(agent);
  const { number } = await createProblemFromCase(agent, c.number);
  const p = await db().problem.findUniqueOrThrow({ where: { number } });
  return { agent, itil, c, p, path: `/api/now/table/problem/${sysIdOf("problem", p.id)}` };
}

describe("Table API writes: problem, change_request, sc_request (API-2, ITSM-3)", () => {
  it("API-2, ITSM-3: a problem PATCH to a new state writes the linked case's work note", async () => {
    const { itil, c, p, path } = await linkedProblem();
    const res = await api("PATCH", path, {
      as: itil,
      body: { state: "102", workaround: "Restart the relay" },
    });
    expect(res.status).toBe(200);
    expect(record(res)).toMatchObject({ state: "102", workaround: "Restart the relay", sys_mod_count: "2" });
    expect((await caseNotes(c.id)).map((n) => n.body.split("\n")[0])).toEqual([
      `Problem ${p.number} state changed: New → Assess`,
    ]);
  });

  it("API-2, REC-3: an illegal problem transition is a 400 and changes nothing", async () => {
    const { itil, c, p, path } = await linkedProblem();
    const res = await api("PATCH", path, { as: itil, body: { state: "107", workaround: "never saved" } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ message: "A problem cannot move from New to Closed." });
    expect(await db().problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      state: 101,
      workaround: p.workaround,
      version: p.version,
    });
    expect(await caseNotes(c.id)).toEqual([]);
  });

  it("API-2, REC-6: a stale sys_mod_count is a 409; a work note and a comment append entries", async () => {
    const { itil, c, p, path } = await linkedProblem();
    const stale = await api("PATCH", path, { as: itil, body: { sys_mod_count: "7", state: "102" } });
    expect(stale.status).toBe(409);
    const note = await api("PATCH", path, {
      as: itil,
      body: { work_notes: "Looked at logs", comments: "On it" },
    });
    expect(note.status).toBe(200);
    const entries = await db().journalEntry.findMany({
      where: { table: "problem", recordId: p.id, authorName: itil.name },
    });
    expect(entries.map((e) => [e.kind, e.body]).sort()).toEqual([
      ["comments", "On it"],
      ["work_notes", "Looked at logs"],
    ]);
    // ITSM-3: the comment reaches the case's work notes.
    expect((await caseNotes(c.id)).map((n) => n.body.split("\n")[0])).toEqual([
      `Problem ${p.number} — additional comment from ${itil.name}:`,
    ]);
  });

  it("API-2: a change's planned window and a request's state are written through their forms", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]);
    const c = await makeCase(agent);
    const change = await createChangeFromCase(agent, c.number, { type: "normal" });
    const ch = await db().changeRequest.findUniqueOrThrow({ where: { number: change.number } });
    const chPath = `/api/now/table/change_request/${sysIdOf("change_request", ch.id)}`;
    const backwards = await api("PATCH", chPath, {
      as: itil,
      body: { start_date: "2030-01-02 10:00:00", end_date: "2030-01-01 10:00:00" },
    });
    expect(backwards.status).toBe(400);
    const saved = await api("PATCH", `${chPath}?sysparm_input_display_value=true`, {
      as: itil,
      body: { start_date: "2030-01-01 10:00:00", end_date: "2030-01-02 10:00:00", state: "Assess" },
    });
    expect(record(saved)).toMatchObject({ start_date: "2030-01-01 10:00:00", state: "-4" });
    const request = await createRequestFromCase(agent, c.number);
    const rq = await db().request.findUniqueOrThrow({ where: { number: request.number } });
    const rqRes = await api("PATCH", `/api/now/table/sc_request/${sysIdOf("sc_request", rq.id)}`, {
      as: itil,
      body: { request_state: "in_process" },
    });
    expect(rqRes.status).toBe(200);
    expect(record(rqRes).request_state).toBe("in_process");
  });

  it("API-2: POST is refused (403) — the UI creates these only from a case; read-only fields are ignored", async () => {
    const { itil, agent, path } = await linkedProblem();
    for (const table of ["problem", "change_request", "sc_request"]) {
      const res = await api("POST", `/api/now/table/${table}`, {
        as: itil,
        body: { short_description: "x" },
      });
      expect(res.status).toBe(403);
      expect(errorMessage(res)).toContain("created from its case");
    }
    // As ServiceNow does: priority follows impact and urgency; a client may PUT back what it read.
    const before = record(await api("GET", path, { as: itil })).priority;
    const readOnly = await api("PATCH", path, { as: itil, body: { priority: before === "1" ? "2" : "1" } });
    expect(readOnly.status).toBe(200);
    expect(record(readOnly).priority).toBe(before);
    // ITSM writes are the ITIL role's (an agent reads, but does not edit problems).
    expect((await api("PATCH", path, { as: agent, body: { workaround: "x" } })).status).toBe(403);
  });
});
