import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDrain } from "./drain.mjs";

// OPS-2: the drain scripts/server.mjs runs on SIGTERM, on a real HTTP server.

const flags = globalThis as { __caseflowDraining?: boolean; __caseflowJobs?: unknown };
afterEach(() => {
  delete flags.__caseflowDraining;
  delete flags.__caseflowJobs;
});

function serve(handlerMs: number, settle?: () => Promise<unknown>) {
  const server = http.createServer((req, res) => {
    drain.track(req, res);
    if (req.url === "/hang") return; // never answers
    setTimeout(() => res.writeHead(200).end("done"), handlerMs);
  });
  const drain = createDrain(server, { timeoutMs: 1_500, settle });
  return new Promise<{ drain: typeof drain; port: number }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ drain, port: (server.address() as AddressInfo).port })),
  );
}

const get = (port: number, path = "/") =>
  new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      })
      .on("error", reject);
  });

describe("OPS-2 drain", () => {
  it("OPS-2: SIGTERM's drain finishes the request in flight, refuses new connections, stops the jobs, then resolves", async () => {
    const { drain, port } = await serve(400);
    let jobsStopped = false;
    flags.__caseflowJobs = { stop: async () => void (jobsStopped = true) };
    const inFlight = get(port);
    await new Promise((r) => setTimeout(r, 100));
    expect(drain.inFlight()).toBe(1);
    const drained = drain.drain();
    expect(flags.__caseflowDraining).toBe(true);
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toMatchObject({ status: 200, body: "done" });
    const outcome = await drained;
    expect(outcome).toMatchObject({ drained: true, left: 0 });
    expect(outcome.ms).toBeGreaterThanOrEqual(200);
    expect(jobsStopped).toBe(true);
  });

  it("OPS-2: the work a request left for after its answer (Next's after(): a reset email) ends before the drain does", async () => {
    let settled = false;
    const { drain, port } = await serve(100, async () => {
      await new Promise((r) => setTimeout(r, 300));
      settled = true;
    });
    const answered = get(port);
    await new Promise((r) => setTimeout(r, 20));
    const outcome = await drain.drain();
    expect(await answered).toMatchObject({ status: 200 });
    expect(settled).toBe(true);
    expect(outcome).toMatchObject({ drained: true, left: 0 });
  });

  it("OPS-2: a job run still going when the runner gives up is reported: not drained", async () => {
    const { drain } = await serve(0);
    flags.__caseflowJobs = { stop: async () => false };
    expect(await drain.drain()).toMatchObject({ drained: false, left: 0 });
  });

  it("OPS-2: a request that never ends does not hold the shutdown past the time limit", async () => {
    const { drain, port } = await serve(0);
    const hanging = get(port, "/hang").catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const outcome = await drain.drain();
    expect(outcome).toMatchObject({ drained: false, left: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(Date.now() - started).toBeLessThan(3_000);
    void hanging;
  });

  it("OPS-2: a request under way when the drain starts is answered with Connection: close, even on a keep-alive connection", async () => {
    const { drain, port } = await serve(300);
    const agent = new http.Agent({ keepAlive: true });
    const answer = new Promise<{ connection?: string }>((resolve, reject) =>
      http
        .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ connection: res.headers.connection }));
        })
        .on("error", reject),
    );
    await new Promise((r) => setTimeout(r, 100));
    const drained = drain.drain();
    expect(await answer).toEqual({ connection: "close" });
    expect(await drained).toMatchObject({ drained: true, left: 0 });
    agent.destroy();
  });
});
