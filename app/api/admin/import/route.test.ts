// SET-3: POST /api/admin/import — role checks, the body's type and size, and the streamed answer.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import { makeAccount, makeAgent, makeUser, unique } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({ getActor: async () => session.actor }));
const { POST } = await import("./route");

function request(query: string, body: BodyInit, type = "text/csv") {
  return new NextRequest(`http://localhost/api/admin/import?${query}`, {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as never);
}
const lines = async (res: Response) =>
  (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });

describe("POST /api/admin/import (SET-3)", () => {
  it("SET-3: anonymous 401, an agent 403, a form's content type 415 — nothing read or written", async () => {
    const csv = "email,name,account\nx@test.example,X,Acme\n";
    session.actor = null;
    expect((await POST(request("kind=contacts&mode=import", csv))).status).toBe(401);
    session.actor = await makeAgent();
    expect((await POST(request("kind=contacts&mode=import", csv))).status).toBe(403);
    session.actor = await makeUser([ROLE.manager]);
    expect((await POST(request("kind=contacts&mode=import", csv, "text/plain"))).status).toBe(415);
  });

  it("REL-8 / SET-3: a body past 20 MB is refused with 413 while it streams", async () => {
    session.actor = await makeUser([ROLE.manager]);
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 60) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await POST(request("kind=contacts&mode=preview", stream));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(30); // stopped reading soon after the limit, never the whole 60 MB
  });

  it("SET-3: a manager's preview streams progress and the outcome; Import writes; bad input is an error line", async () => {
    session.actor = await makeUser([ROLE.manager]);
    const account = await makeAccount();
    const email = `${unique("route")}@test.example`;
    const csv = `email,name,account\n${email},Route Person,${account.number}\nbad,Bad,${account.number}\n`;
    const preview = await lines(await POST(request("kind=contacts&mode=preview", csv)));
    expect(preview.at(-1)).toMatchObject({
      type: "result",
      committed: false,
      counts: { create: 1, error: 1 },
    });
    expect(preview.some((l) => l.type === "progress")).toBe(true);
    expect(await db().user.count({ where: { email } })).toBe(0);
    const done = await lines(await POST(request("kind=contacts&mode=import", csv)));
    expect(done.at(-1)).toMatchObject({ type: "result", committed: true, counts: { create: 1 } });
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect((await lines(await POST(request("kind=nope&mode=preview", csv)))).at(-1)).toMatchObject({
      type: "error",
      message: "Kind must be one of: accounts, contacts, consumers, assets.",
    });
    const latin1 = await POST(request("kind=contacts", new Uint8Array([0x65, 0x6d, 0xe9, 0x0a])));
    expect(latin1.status).toBe(400);
    expect(await latin1.json()).toEqual({
      error: { message: 'The file is not UTF-8 text; save it as "CSV UTF-8" and try again.' },
    });
  });

  it("SET-3: a browser that leaves mid-import does not cut it: the import is written whole", async () => {
    session.actor = await makeUser([ROLE.manager]);
    const account = await makeAccount();
    const emails = Array.from({ length: 300 }, (_, i) => `${unique("gone")}-${i}@test.example`);
    const csv = `email,name,account\n${emails.map((e, i) => `${e},Gone ${i},${account.number}`).join("\n")}\n`;
    const res = await POST(request("kind=contacts&mode=import", csv));
    await res.body!.cancel(); // the tab closed before the first progress line
    const written = async () => db().user.count({ where: { email: { in: emails } } });
    for (let i = 0; i < 100 && (await written()) < emails.length; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await written()).toBe(emails.length);
  });
});
