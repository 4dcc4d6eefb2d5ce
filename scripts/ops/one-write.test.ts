import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOLD_LIMIT, oneWrite } from "./one-write.mjs";

const part = (n: number, c: string) => c.repeat(n);
/** Ends each answer when the test says so; one at a time. */
let finish: () => void = () => {};
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    oneWrite(res, Number(url.searchParams.get("limit") ?? HOLD_LIMIT));
    res.setHeader("Content-Type", url.searchParams.get("type") ?? "text/html; charset=utf-8");
    res.flushHeaders(); // as Next does before its first part
    res.write(part(3000, "a"));
    res.write(new TextEncoder().encode(part(2000, "b"))); // Next writes bytes
    void new Promise<void>((r) => (finish = r)).then(() => res.end(part(10, "c")));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Asks for `query`; says how many body bytes arrived before the answer was let end, then all of it. */
async function ask(query: string) {
  let early = 0;
  let ended = false;
  const answer = new Promise<{ body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http
      .get(`${base}/?${query}`, (res) => {
        let body = "";
        res.on("data", (b: Buffer) => {
          if (!ended) early += b.length;
          body += b.toString();
        });
        res.on("end", () => resolve({ body, headers: res.headers }));
      })
      .on("error", reject);
  });
  await new Promise((r) => setTimeout(r, 300));
  ended = true;
  finish();
  return { early, ...(await answer) };
}

describe("a page in one write (PERF-8)", () => {
  it("PERF-8: a page's parts are held until it ends, then sent in one piece with its length", async () => {
    const { early, body, headers } = await ask("");
    expect(early).toBe(0);
    expect(body).toBe(part(3000, "a") + part(2000, "b") + part(10, "c"));
    expect(headers["content-length"]).toBe("5010");
    expect(headers["transfer-encoding"]).toBeUndefined();
  });

  it("PERF-8: an RSC answer is held too; an answer of another type streams as it is written", async () => {
    expect((await ask("type=text/x-component")).early).toBe(0);
    const json = await ask("type=application/json");
    expect(json.early).toBe(5000);
    expect(json.headers["transfer-encoding"]).toBe("chunked");
    expect(json.body).toHaveLength(5010);
  });

  it("PERF-8: a page larger than the limit streams from there: what was held leaves at once", async () => {
    const { early, body } = await ask("limit=4000");
    expect(early).toBe(5000);
    expect(body).toBe(part(3000, "a") + part(2000, "b") + part(10, "c"));
  });
});
