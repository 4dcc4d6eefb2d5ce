import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { formatCursor, parseCursor } from "@/lib/domain/journal/live";
import { TABLE } from "@/lib/domain/records/tables";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { updateCase } from "@/lib/server/cases/write";
import { postIncidentJournal } from "@/lib/server/incidents/journal";
import { createIncident } from "@/lib/server/incidents/write";
import { makeAgent, makeCase, makeCustomer, makeItil, makeUser } from "@/lib/testing/fixtures";
import { olderJournal, POLL_SLACK_MS, pollJournal, pollRecord } from "./live";
import { JOURNAL_PAGE, listOlderJournal } from "./read";
import { appendJournal } from "./write";

/** Entries written straight into the journal at chosen times (the app always writes "now"). */
async function seed(recordId: number, rows: { at: Date; body: string; kind?: string }[], table = TABLE.case) {
  await db().journalEntry.createMany({
    data: rows.map((r) => ({
      table,
      recordId,
      kind: r.kind ?? "comments",
      body: r.body,
      authorName: "Seeder",
      createdAt: r.at,
    })),
  });
}

describe("live timeline reads (SPEC §2, REC-6)", () => {
  it("JRN-2: a poll answers the entries created after (the newest the client holds − slack), newest first", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const now = Date.now();
    await seed(c.id, [
      { at: new Date(now - 3_600_000), body: "an hour ago" },
      { at: new Date(now - POLL_SLACK_MS - 60_000), body: "before the window" },
      { at: new Date(now - 60_000), body: "a minute ago" },
      { at: new Date(now), body: "newest" },
    ]);
    const poll = await pollJournal(agent, TABLE.case, c.number, new Date(now));
    expect(poll.entries.map((e) => e.body)).toEqual(["newest", "a minute ago"]);
    expect(poll.truncated).toBe(false);
    const first = await pollJournal(agent, TABLE.case, c.number, null);
    expect(first.entries.map((e) => e.body)).toEqual([
      "newest",
      "a minute ago",
      "before the window",
      "an hour ago",
    ]);
    await postCaseJournal(agent, c.number, { workNotes: "posted now" });
    const next = await pollJournal(agent, TABLE.case, c.number, new Date(now));
    expect(next.entries.map((e) => e.body)).toEqual(["posted now", "newest", "a minute ago"]);
    expect(next.entries[0]).toMatchObject({ kind: "work_notes", authorId: agent.id, authorName: agent.name });
  });

  it.runIf(dialect() === "postgresql")(
    "SYNC-2: an entry committed after a higher id was already seen still reaches the next poll",
    async () => {
      // On an incident: an entry on a case also moves the case's Updated time (WRK-3), so a second
      // entry on that case waits for the first transaction's row lock and commits after it.
      const agent = await makeAgent();
      const itil = await makeItil();
      const { number } = await createIncident(itil, { shortDescription: "Slow and quick" });
      const incident = await db().incident.findUniqueOrThrow({ where: { number } });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let slowId = 0;
      // A long transaction (a fan-out, say) takes its id first and commits last.
      const slow = transaction(async (tx) => {
        slowId = (await appendJournal(tx, {
          table: TABLE.incident,
          recordId: incident.id,
          kind: "work_notes",
          body: "slow fan-out note",
          author: { id: null, name: "Sync" },
        }))!;
        await held;
      });
      while (!slowId) await new Promise((r) => setTimeout(r, 10));
      await postIncidentJournal(itil, number, { comments: "quick comment" });
      const seen = await pollJournal(agent, TABLE.incident, number, null);
      expect(seen.entries.map((e) => e.body)).toEqual(["quick comment"]);
      const quick = seen.entries[0];
      release();
      await slow;
      expect(slowId).toBeLessThan(quick.id); // "id > last seen" would never return it
      const next = await pollJournal(agent, TABLE.incident, number, quick.createdAt);
      expect(next.entries.map((e) => e.body)).toContain("slow fan-out note");
    },
  );

  it("SYNC-2: the slack exceeds the longest transaction (lib/db.ts transaction timeout)", () => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../../db.ts"), "utf8");
    const timeout = Number(/timeout:\s*([\d_]+)/.exec(source)![1].replace(/_/g, ""));
    expect(timeout).toBeGreaterThan(0);
    expect(POLL_SLACK_MS).toBeGreaterThan(timeout);
  });

  it("JRN-3: an external user reads no timeline of a case outside their scope; a reader without work notes gets additional comments only", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "internal", comments: "public" });
    const { contact } = await makeCustomer();
    await expect(pollJournal(contact, TABLE.case, c.number, null)).rejects.toMatchObject({
      kind: "not_found",
    });
    const comments = await pollRecord(TABLE.case, c.number, null, { includeWorkNotes: false });
    expect(comments.entries.map((e) => e.body)).toEqual(["public"]);
    const first = (await pollRecord(TABLE.case, c.number, null, { includeWorkNotes: true })).entries;
    expect(first.map((e) => e.kind).sort()).toEqual(["comments", "work_notes"]);
    const older = await listOlderJournal(
      TABLE.case,
      c.id,
      { createdAt: new Date(Date.now() + 60_000), id: 2 ** 31 - 1 },
      { includeWorkNotes: false },
    );
    expect(older.entries.map((e) => e.body)).toEqual(["public"]);
  });

  it("ROLE-1 / REL-3: a record the reader may not read is 'not found', exactly like a missing one", async () => {
    const itil = await makeItil();
    const incident = await createIncident(itil, { shortDescription: "live poll rights" });
    const noIncidentRights = await makeUser([ROLE.agent]);
    const nobody = await makeUser([]);
    const refusals = [
      pollJournal(noIncidentRights, TABLE.incident, incident.number, null),
      pollJournal(nobody, TABLE.incident, incident.number, null),
      olderJournal(noIncidentRights, TABLE.incident, incident.number, { createdAt: new Date(), id: 1 }),
      pollJournal(itil, "User", incident.number, null),
    ];
    for (const r of refusals)
      await expect(r).rejects.toMatchObject({
        kind: "not_found",
        message: `Record ${incident.number} was not found.`,
      });
    await expect(pollJournal(itil, TABLE.incident, "INC9999999", null)).rejects.toMatchObject({
      kind: "not_found",
      message: "Record INC9999999 was not found.",
    });
    expect((await pollJournal(itil, TABLE.incident, incident.number, null)).record.version).toBe(1);
  });

  it("REC-6: the poll carries the record's version and who saved it last", async () => {
    const agent = await makeAgent();
    const other = await makeAgent();
    const c = await makeCase(agent);
    const before = await pollJournal(agent, TABLE.case, c.number, null);
    expect(before.record.version).toBe(c.version);
    await updateCase(other, c.number, { version: c.version, priority: 1 });
    const after = await pollJournal(agent, TABLE.case, c.number, null);
    expect(after.record.version).toBe(c.version + 1);
    expect(after.record.save.by).toEqual({ id: other.id, name: other.name });
    expect(after.record.save.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("JRN-2: Show older pages by keyset — no entry lost or repeated, equal createdAt included", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const base = Date.now() - 86_400_000;
    // 23 entries: groups sharing one createdAt straddle the page boundaries (pages of 4).
    const rows = Array.from({ length: 23 }, (_, i) => ({
      at: new Date(base + Math.floor(i / 3) * 1_000),
      body: `entry ${i}`,
      kind: i % 2 ? "work_notes" : "comments",
    }));
    await seed(c.id, rows);
    const all = (await pollRecord(TABLE.case, c.number, null, { includeWorkNotes: true })).entries;
    expect(all).toHaveLength(23);
    const seen: number[] = [];
    let cursor = parseCursor(formatCursor({ createdAt: new Date(base + 3_600_000), id: 1 }));
    for (let guard = 0; guard < 10; guard++) {
      const page = await listOlderJournal(TABLE.case, c.id, cursor, { includeWorkNotes: true, limit: 4 });
      seen.push(...page.entries.map((e) => e.id));
      if (!page.more) break;
      cursor = parseCursor(formatCursor(page.entries.at(-1)!));
    }
    expect(seen).toEqual(all.map((e) => e.id));
    expect(new Set(seen).size).toBe(23);
    // Starting from a real entry excludes it and everything newer.
    const fromFifth = await listOlderJournal(TABLE.case, c.id, all[4], { includeWorkNotes: true, limit: 50 });
    expect(fromFifth.entries.map((e) => e.id)).toEqual(all.slice(5).map((e) => e.id));
    expect(fromFifth.more).toBe(false);
  });

  it("JRN-2: the window holds at most a page and says when it was cut", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const now = Date.now();
    await seed(
      c.id,
      Array.from({ length: JOURNAL_PAGE + 5 }, (_, i) => ({ at: new Date(now - i), body: `burst ${i}` })),
    );
    const poll = await pollJournal(agent, TABLE.case, c.number, new Date(now));
    expect(poll.entries).toHaveLength(JOURNAL_PAGE);
    expect(poll.entries[0].body).toBe("burst 0");
    expect(poll.truncated).toBe(true);
  });
});
