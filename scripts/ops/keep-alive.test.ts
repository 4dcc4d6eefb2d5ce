import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDrain } from "./drain.mjs";
import { DEFAULT_KEEP_ALIVE_MS, applyKeepAlive, keepAliveMs } from "./keep-alive.mjs";

// OPS-1: the node outlives a proxy's idle connections (scripts/server.mjs applies this), on a real
// HTTP server and a client that keeps its connection as nginx's upstream pool does.

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r).closeAllConnections());
});

async function serve(keepAlive?: number) {
  const server = http.createServer((req, res) => {
    drain.track(req, res);
    res.end("ok");
  });
  if (keepAlive !== undefined) applyKeepAlive(server, keepAlive);
  const drain = createDrain(server, { timeoutMs: 2_000 });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { drain, port: (server.address() as AddressInfo).port };
}

/** A GET through `agent`: its status, whether it went over a connection used before, its header. */
const get = (agent: http.Agent, port: number) =>
  new Promise<{ status: number; reused: boolean; keepAlive?: string }>((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          reused: req.reusedSocket,
          keepAlive: res.headers["keep-alive"]?.toString(),
        }),
      );
    });
    req.on("error", reject);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("OPS-1: a node keeps idle connections longer than the proxy in front of it", () => {
  it("OPS-1: a connection left idle for 7 s is still there for the next request (Node's own default drops it after 5 s and its 1 s grace)", async () => {
    const patient = await serve(DEFAULT_KEEP_ALIVE_MS);
    const nodeDefault = await serve();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await Promise.all([get(agent, patient.port), get(agent, nodeDefault.port)]);
      expect(first.map((r) => r.reused)).toEqual([false, false]);
      // What a proxy is told: its idle time must stay below this.
      expect(first[0].keepAlive).toBe("timeout=65");
      await sleep(7_000);
      const [again, dropped] = await Promise.all([get(agent, patient.port), get(agent, nodeDefault.port)]);
      expect(again).toMatchObject({ status: 200, reused: true });
      // The control: the connection the proxy would have sent on was closed under it.
      expect(dropped).toMatchObject({ status: 200, reused: false });
    } finally {
      agent.destroy();
    }
  }, 20_000);

  it("OPS-2: the drain still closes an idle kept connection at once", async () => {
    const { drain, port } = await serve(DEFAULT_KEEP_ALIVE_MS);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await get(agent, port);
      const socket = Object.values(agent.freeSockets).flat()[0]!;
      const closed = new Promise((r) => socket.once("close", r));
      const started = Date.now();
      expect(await drain.drain()).toMatchObject({ drained: true, left: 0 });
      await closed;
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      agent.destroy();
    }
  });

  it("OPS-1: KEEP_ALIVE_TIMEOUT_MS sets it; a value that is not a whole number of ms from 1,000 is refused by name", () => {
    expect(keepAliveMs({})).toBe(65_000);
    expect(keepAliveMs({ KEEP_ALIVE_TIMEOUT_MS: " " })).toBe(65_000);
    expect(keepAliveMs({ KEEP_ALIVE_TIMEOUT_MS: "620000" })).toBe(620_000);
    for (const bad of ["65s", "0", "999", "1.5e5", "-1", "0x1000", "9999999999"])
      expect(() => keepAliveMs({ KEEP_ALIVE_TIMEOUT_MS: bad }), bad).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
  });
});
