import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { postCaseJournal } from "@/lib/server/cases/journal";
import { makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { listJournal } from "./read";

const ROOT = path.resolve(import.meta.dirname, "../../..");
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (["node_modules", "generated", ".next", "data", "testing"].includes(name)) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

describe("journal (SPEC §2)", () => {
  it("JRN-1: the database refuses to edit or delete a journal entry", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "original" });
    const entry = await db().journalEntry.findFirstOrThrow({ where: { table: TABLE.case, recordId: c.id } });
    await expect(
      db().journalEntry.update({ where: { id: entry.id }, data: { body: "tampered" } }),
    ).rejects.toThrow(/append-only|constraint/i);
    await expect(db().journalEntry.delete({ where: { id: entry.id } })).rejects.toThrow(
      /append-only|constraint/i,
    );
    await expect(
      db().$executeRawUnsafe(`DELETE FROM "JournalEntry" WHERE "id" = ${entry.id}`),
    ).rejects.toThrow(/append-only|constraint/i);
    expect((await db().journalEntry.findUniqueOrThrow({ where: { id: entry.id } })).body).toBe("original");
  });

  it("JRN-1: no code path in the app updates or deletes journal entries", () => {
    const offenders = sources(path.join(ROOT, "lib"))
      .concat(sources(path.join(ROOT, "app")), sources(path.join(ROOT, "scripts")))
      .filter((f) =>
        /journalEntry\.(update|updateMany|delete|deleteMany|upsert)\b|(UPDATE|DELETE FROM)\s+"JournalEntry"/.test(
          readFileSync(f, "utf8"),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it("SYNC-3: posting twice with the same form key writes each entry once", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const post = () =>
      postCaseJournal(agent, c.number, {
        workNotes: "note",
        comments: "comment",
        idempotencyKey: "form-123",
      });
    const results = await Promise.all([post(), post(), post()]);
    expect(results.map((r) => r.posted).sort()).toEqual([0, 0, 2]);
    expect(await db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id } })).toBe(2);
  });

  it("JRN-2: the timeline is newest first, with author and kind", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "first" });
    await postCaseJournal(agent, c.number, { comments: "second" });
    const { entries } = await listJournal(TABLE.case, c.id, { includeWorkNotes: true });
    expect(entries.map((e) => [e.body, e.kind, e.authorName])).toEqual([
      ["second", "comments", agent.name],
      ["first", "work_notes", agent.name],
    ]);
  });

  it("JRN-3: without work notes the timeline holds only additional comments", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { workNotes: "internal", comments: "public" });
    const { entries, total } = await listJournal(TABLE.case, c.id, { includeWorkNotes: false });
    expect(entries.map((e) => e.body)).toEqual(["public"]);
    expect(total).toBe(1);
  });

  it("REL-1: an empty post and an over-long post are refused naming the field", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await expect(postCaseJournal(agent, c.number, { workNotes: "  " })).rejects.toMatchObject({
      field: "workNotes",
    });
    await expect(postCaseJournal(agent, c.number, { comments: "x".repeat(10_001) })).rejects.toMatchObject({
      field: "comments",
    });
    expect(await db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id } })).toBe(0);
  });

  it("JRN-4: text is stored exactly as written, markup included", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await postCaseJournal(agent, c.number, { comments: "<script>alert(1)</script> & <b>bold</b>" });
    expect(
      (await db().journalEntry.findFirstOrThrow({ where: { table: TABLE.case, recordId: c.id } })).body,
    ).toBe("<script>alert(1)</script> & <b>bold</b>");
  });

  it("ROLE-2: an external user cannot post through the workspace journal service", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const { contact } = await makeCustomer();
    await expect(postCaseJournal(contact, c.number, { comments: "hi" })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
