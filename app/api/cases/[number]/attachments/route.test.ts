// NOT-4: the upload and download routes — session, origin, size while streaming, and the headers
// of a download (always an attachment, never sniffed or rendered).
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({ getActor: async () => session.actor }));
const { POST, GET: LIST } = await import("./route");
const { GET } = await import("../../../attachments/[id]/route");

function upload(number: string, body: BodyInit, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest(`http://localhost/api/cases/${number}/attachments`, {
      method: "POST",
      body,
      headers: { host: "localhost", ...headers },
      duplex: "half",
    } as never),
    { params: Promise.resolve({ number }) },
  );
}
function form(name: string, content: BlobPart, type: string, internalOnly = false) {
  const f = new FormData();
  f.set("file", new File([content], name, { type }));
  if (internalOnly) f.set("internalOnly", "on");
  return f;
}
const download = (id: number | string) =>
  GET(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });

const list = (number: string, query = "") =>
  LIST(new NextRequest(`http://localhost/api/cases/${number}/attachments${query}`), {
    params: Promise.resolve({ number }),
  });

async function customerCase() {
  const agent = await makeAgent();
  const { account, contact } = await makeCustomer();
  const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
  return { agent, contact, c };
}

describe("attachment routes (NOT-4)", () => {
  it("NOT-4: an agent uploads; the customer downloads it as an attachment, nosniff, sandboxed, never as HTML", async () => {
    const { agent, contact, c } = await customerCase();
    session.actor = agent;
    const res = await upload(c.number, form("über page.html", "<script>alert(1)</script>", "text/html"));
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { id: number; fileName: string } };
    expect(attachment.fileName).toBe("über page.html");
    session.actor = contact;
    const got = await download(attachment.id);
    expect(got.status).toBe(200);
    expect(Object.fromEntries(got.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="_ber page.html"; filename*=UTF-8''%C3%BCber%20page.html`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox; default-src 'none'",
    });
    expect(await got.text()).toBe("<script>alert(1)</script>");
  });

  it("NOT-4 / POR-4: another account's file, an internal-only file and a missing id all answer 404 for a customer", async () => {
    const { agent, contact, c } = await customerCase();
    const other = await customerCase();
    session.actor = agent;
    const secret = (await (await upload(c.number, form("s.txt", "x", "text/plain", true))).json()) as {
      attachment: { id: number };
    };
    session.actor = other.agent;
    const theirs = (await (await upload(other.c.number, form("t.txt", "y", "text/plain"))).json()) as {
      attachment: { id: number };
    };
    session.actor = contact;
    const answers = await Promise.all(
      [secret.attachment.id, theirs.attachment.id, 999_999_999, "abc"].map(async (id) => {
        const r = await download(id);
        return [r.status, r.headers.get("content-disposition")];
      }),
    );
    expect(answers).toEqual(Array(4).fill([404, null]));
    // Uploading to another account's case is "not found" too, and stores nothing.
    expect((await upload(other.c.number, form("u.txt", "z", "text/plain"))).status).toBe(404);
    expect(await db().attachment.count({ where: { caseId: other.c.id } })).toBe(1);
  });

  it("NOT-4 / REL-8: anonymous 401, another site's form 403, not multipart 415, empty file 400 naming file", async () => {
    const { agent, c } = await customerCase();
    session.actor = null;
    expect((await upload(c.number, form("a.txt", "a", "text/plain"))).status).toBe(401);
    expect((await download(1)).status).toBe(401);
    session.actor = agent;
    const evil = await upload(c.number, form("a.txt", "a", "text/plain"), { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await upload(c.number, "plain", { "content-type": "text/plain" })).status).toBe(415);
    const empty = await upload(c.number, form("a.txt", "", "text/plain"));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { fieldErrors: { file: expect.any(String) as string } },
    });
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("NOT-4 / REL-8: a body past the limit is refused with 413 while it streams, nothing stored", async () => {
    const { agent, c } = await customerCase();
    session.actor = agent;
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent++ < 40) ctl.enqueue(chunk);
        else ctl.close();
      },
    });
    const res = await upload(c.number, stream, { "content-type": "multipart/form-data; boundary=x" });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("10 MB");
    expect(sent).toBeLessThan(15); // stopped soon after 10 MB, never the whole 40 MB
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("NOT-4 / PERF-1: GET lists a page of files and the next by ?before=; a bad cursor is a 400 naming it, a case out of reach 404", async () => {
    const { agent, contact, c } = await customerCase();
    session.actor = agent;
    for (const name of ["one.txt", "two.txt", "three.txt"])
      expect((await upload(c.number, form(name, "x", "text/plain"), {})).status).toBe(201);
    expect((await upload(c.number, form("inside.txt", "x", "text/plain", true))).status).toBe(201);
    const first = (await (await list(c.number)).json()) as {
      rows: { fileName: string; at: string }[];
      more: boolean;
    };
    expect(first.rows.map((r) => r.fileName)).toEqual(["inside.txt", "three.txt", "two.txt", "one.txt"]);
    expect(first.more).toBe(false);
    expect(first.rows[0].at).toMatch(/\d{4}/);
    session.actor = contact;
    const mine = (await (await list(c.number)).json()) as {
      rows: { fileName: string; createdAt: string; id: number }[];
    };
    expect(mine.rows.map((r) => r.fileName)).toEqual(["three.txt", "two.txt", "one.txt"]);
    const [, second] = mine.rows;
    const older = await list(c.number, `?before=${encodeURIComponent(`${second.createdAt}_${second.id}`)}`);
    expect(((await older.json()) as { rows: { fileName: string }[] }).rows.map((r) => r.fileName)).toEqual([
      "one.txt",
    ]);
    const bad = await list(c.number, "?before=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { fieldErrors: { before: expect.stringContaining("attachment") } },
    });
    session.actor = (await customerCase()).contact;
    expect((await list(c.number)).status).toBe(404);
    session.actor = agent; // a case that does not exist: 404 to an agent too
    expect(await (await list("CS9999999")).json()).toMatchObject({
      error: { message: "Case CS9999999 was not found." },
    });
    session.actor = null;
    expect((await list(c.number)).status).toBe(401);
  });

  it("NOT-4 / REL-7: a customer posting to another account's case is refused before the body is read; a bad Internal only names its field", async () => {
    const { contact } = await customerCase();
    const other = await customerCase();
    session.actor = contact;
    let pulled = 0;
    // A body that would take long to send: the route must not wait for any of it.
    const body = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const res = await upload(other.c.number, body, { "content-type": "multipart/form-data; boundary=x" });
    expect(res.status).toBe(404);
    expect(pulled).toBeLessThanOrEqual(1); // a stream pulls its first chunk as it is made
    session.actor = other.agent;
    const f = form("a.txt", "x", "text/plain");
    f.set("internalOnly", "yes");
    const refused = await upload(other.c.number, f);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { fieldErrors: { internalOnly: expect.any(String) } },
    });
  });
});
