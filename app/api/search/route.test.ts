// The search route (GET /api/search?q=): session → service → JSON; bad text is a 400 with the
// reason, never a 500.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { ROLE, type Actor } from "@/lib/domain/auth/roles";
import type { SearchAnswer } from "@/lib/domain/search/results";
import { makeAgent, makeCase, makeUser, unique } from "@/lib/testing/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", () => ({ getActor: async () => session.actor }));

async function search(as: Actor | null, query: string) {
  session.actor = as;
  const res = await GET(new NextRequest(`http://localhost/api/search${query}`));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
const message = (r: { body: Record<string, unknown> }) => (r.body.error as { message: string }).message;

describe("GET /api/search", () => {
  it("WRK-5: answers the grouped results, never cached", async () => {
    const agent = await makeAgent();
    const w = unique("r").toLowerCase();
    const c = await makeCase(agent, { shortDescription: `Scanner ${w}` });
    const r = await search(agent, `?q=${encodeURIComponent(`scan ${w}`)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    const answer = r.body.result as SearchAnswer;
    expect(answer.groups).toEqual([
      {
        kind: "case",
        label: "Cases",
        hits: [
          {
            kind: "case",
            key: `case:${c.id}`,
            number: c.number,
            title: `Scanner ${w}`,
            detail: "New",
            href: `/cases/${c.number}`,
          },
        ],
      },
    ]);
    expect((await search(agent, "")).body.result).toEqual({ q: "", groups: [] });
  });

  it("WRK-5 / REL-1: too long or a control character is a 400 naming the problem; operators are a 200", async () => {
    const agent = await makeAgent();
    const long = await search(agent, `?q=${"x".repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toEqual({
      message: "Search must be at most 100 characters (it has 101).",
      field: "q",
    });
    const control = await search(agent, "?q=vpn%00down");
    expect(control.status).toBe(400);
    expect(message(control)).toBe("Search contains a control character (U+0000); remove it and try again.");
    for (const q of [`%25`, `_`, `%22`, `*`, `NEAR(a%20b)`, `-x`, `a:b`, `'`, `%5C`, `%E2%82%AC`])
      expect((await search(agent, `?q=${q}`)).status, q).toBe(200);
  });

  it("WRK-5 / ROLE-2: no session is a 401; a user whose roles read nothing is a 403", async () => {
    expect((await search(null, "?q=vpn")).status).toBe(401);
    const nobody = await makeUser([ROLE.external], { kind: "consumer" });
    const r = await search(nobody, "?q=vpn");
    expect(r.status).toBe(403);
    expect(message(r)).toBe("Your roles do not allow searching records.");
  });
});
