// The journal route (GET /api/journal/<table>/<number>): session → service → JSON, with ETags.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { formatCursor, type OlderAnswer, type PollAnswer } from "@/lib/domain/journal/live";
import { TABLE } from "@/lib/domain/records/tables";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { updateCase } from "@/lib/server/cases/write";
import { JOURNAL_PAGE } from "@/lib/server/journal/read";
import { createIncidentFromCase } from "@/lib/server/incidents/link";
import { makeAgent, makeCase, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({ getActor: async () => session.actor }));

async function get(as: Actor | null, table: string, number: string, query = "", etag?: string) {
  session.actor = as;
  const request = new NextRequest(`http://localhost/api/journal/${table}/${number}${query}`, {
    headers: etag ? { "if-none-match": etag } : {},
  });
  const res = await GET(request, { params: Promise.resolve({ table, number }) });
  return { status: res.status, etag: res.headers.get("etag"), text: await res.text() };
}
const json = <T>(r: { text: string }) => JSON.parse(r.text) as T;

describe("GET /api/journal/<table>/<number>", () => {
  it("JRN-2: a poll answers with an ETag; the same answer again is a 304 without a body; news is a 200", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { comments: "first" });
    const first = await get(agent, TABLE.case, c.number);
    expect(first.status).toBe(200);
    const answer = json<PollAnswer>(first);
    expect(answer.entries.map((e) => e.body)).toEqual(["first"]);
    expect(answer.entries[0]).toMatchObject({ own: true, authorName: agent.name, kind: "comments" });
    expect(answer.record).toMatchObject({ version: c.version, self: true }); // created by the agent
    const after = `?after=${encodeURIComponent(answer.entries[0].createdAt)}`;
    const same = await get(agent, TABLE.case, c.number, after, first.etag!);
    expect(same).toMatchObject({ status: 304, text: "", etag: first.etag });

    const other = await makeAgent();
    await postCaseJournal(other, c.number, { workNotes: "from another agent" });
    const news = await get(agent, TABLE.case, c.number, after, first.etag!);
    expect(news.status).toBe(200);
    expect(news.etag).not.toBe(first.etag);
    expect(json<PollAnswer>(news).entries.map((e) => [e.body, e.own])).toEqual([
      ["from another agent", false],
      ["first", true],
    ]);
  });

  it("REC-6: a save by someone else changes the answer: new version, who saved, not self", async () => {
    const agent = await makeAgent();
    const other = await makeUser([ROLE.agent], { name: "Alex Agent" });
    const c = await makeCase(agent);
    const first = await get(agent, TABLE.case, c.number);
    await updateCase(other, c.number, { version: c.version, priority: 1 });
    const after = await get(agent, TABLE.case, c.number, "", first.etag!);
    expect(after.status).toBe(200);
    expect(json<PollAnswer>(after).record).toMatchObject({
      version: c.version + 1,
      savedBy: "Alex Agent",
      self: false,
    });
    expect(json<PollAnswer>(after).record.savedAt).toMatch(/^\d{2}:\d{2}$/);
    expect(json<PollAnswer>(await get(other, TABLE.case, c.number)).record.self).toBe(true);
  });

  it("ROLE-1 / REL-3: no session is 401; a record the user may not read is 404 exactly like a missing one", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    expect((await get(null, TABLE.case, c.number)).status).toBe(401);
    const plain = await makeUser([ROLE.agent]);
    const hidden = await get(plain, TABLE.incident, incidentNumber);
    const missing = await get(plain, TABLE.incident, "INC9999999");
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.text.replace(incidentNumber, "N")).toBe(missing.text.replace("INC9999999", "N"));
    const { contact } = await makeCustomer();
    expect((await get(contact, TABLE.case, c.number)).status).toBe(404);
    expect((await get(agent, "sys_user", c.number)).status).toBe(404);
    expect((await get(agent, "__proto__", c.number)).status).toBe(404);
    // The case page's rule stays: without incident rights the sync note names the incident, unlinked.
    const notes = json<PollAnswer>(await get(plain, TABLE.case, c.number)).entries;
    const fromIncident = notes.find((e) => e.sourceNumber === incidentNumber)!;
    expect(fromIncident.sourceHref).toBeNull();
    const linked = json<PollAnswer>(await get(agent, TABLE.case, c.number)).entries;
    expect(linked.find((e) => e.sourceNumber === incidentNumber)!.sourceHref).toBe(
      `/incidents/${incidentNumber}`,
    );
  });

  it("REL-1: a malformed cursor is a 400 naming the parameter, never a 500", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    for (const [query, field] of [
      ["?after=yesterday", "after"],
      ["?before=nope", "before"],
      ["?before=2026-11-22T10:00:00.000Z_-1", "before"],
    ]) {
      const r = await get(agent, TABLE.case, c.number, query);
      expect(r.status, query).toBe(400);
      expect(json<{ error: { fieldErrors: Record<string, string> } }>(r).error.fieldErrors).toHaveProperty(
        field,
      );
    }
  });

  it("JRN-2: Show older pages through the route — every entry once, across pages with equal times", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const total = JOURNAL_PAGE * 2 + 37;
    const base = Date.now() - 86_400_000;
    await db().journalEntry.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        table: TABLE.case,
        recordId: c.id,
        kind: i % 3 ? "comments" : "work_notes",
        body: `old ${i}`,
        authorName: "Seeder",
        createdAt: new Date(base + Math.floor(i / 7) * 1_000), // 7 entries share each time
      })),
    });
    const newest = json<PollAnswer>(await get(agent, TABLE.case, c.number)).entries;
    expect(newest).toHaveLength(JOURNAL_PAGE);
    const ids = newest.map((e) => e.id);
    let last = newest.at(-1)!;
    for (let more = true; more;) {
      const page = json<OlderAnswer>(
        await get(agent, TABLE.case, c.number, `?before=${encodeURIComponent(formatCursor(last))}`),
      );
      ids.push(...page.entries.map((e) => e.id));
      more = page.more;
      last = page.entries.at(-1) ?? last;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const stored = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: c.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(ids).toEqual(stored.map((s) => s.id));
  });
});

describe("GET /api/journal/<table>/<number> with a control character (REL-8)", () => {
  it("REL-8: a NUL in the record number is a 404 before any query (PostgreSQL refuses it in text)", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const res = await get(agent, TABLE.case, `${c.number}\u0000`);
    expect(res.status).toBe(404);
    expect(json<{ error: { message: string } }>(res).error.message).toMatch(/not found/);
  });
});
