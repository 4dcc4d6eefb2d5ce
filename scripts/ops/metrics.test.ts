import { describe, expect, it } from "vitest";
import client from "prom-client";
import { metricsRefusal, observeRequest } from "./metrics.mjs";
import { noteRequestUser } from "@/lib/server/ops/request-user";
import { logRequest, requestContext, requestIdOf } from "./request-log.mjs";
import { EventEmitter } from "node:events";

// OPS-3: the request log line, the request id and the metrics' token check.

describe("OPS-3 logs and metrics", () => {
  it("OPS-3: /api/metrics is absent without METRICS_TOKEN (404), refused without the bearer token (401)", () => {
    expect(metricsRefusal({}, undefined)).toBe(404);
    expect(metricsRefusal({ authorization: "Bearer s3cret" }, "")).toBe(404);
    expect(metricsRefusal({}, "s3cret")).toBe(401);
    expect(metricsRefusal({ authorization: "Bearer wrong" }, "s3cret")).toBe(401);
    expect(metricsRefusal({ authorization: "s3cret" }, "s3cret")).toBe(401);
    expect(metricsRefusal({ authorization: "Bearer s3cret" }, "s3cret")).toBeNull();
  });

  it("OPS-3: requests are counted and timed by route in Prometheus text, with the job figures", async () => {
    (globalThis as { __caseflowJobs?: unknown }).__caseflowJobs = {
      stats: new Map([
        ["outbox", { ok: 3, failed: 1, lastMs: 5 }],
        ["sla", { ok: 0, failed: 0, skipped: 4, lastMs: 1 }],
      ]),
      backlog: new Map([["outbox", 7]]),
    };
    observeRequest("/cases/[number]", "GET", 200, 0.02);
    const text = await client.register.metrics();
    expect(text).toContain(
      'caseflow_http_requests_total{route="/cases/[number]",method="GET",status="200"} 1',
    );
    expect(text).toMatch(
      /caseflow_http_request_duration_seconds_bucket\{le="0.025",route="\/cases\/\[number\]",method="GET"\} 1/,
    );
    expect(text).toContain('caseflow_job_runs_total{job="outbox",outcome="failed"} 1');
    // A tick that found the job held by another node is no run of its own (a dead node's lease).
    expect(text).toContain('caseflow_job_runs_total{job="sla",outcome="skipped"} 4');
    expect(text).toContain('caseflow_job_runs_total{job="sla",outcome="ok"} 0');
    expect(text).toContain('caseflow_job_backlog{job="outbox"} 7');
    delete (globalThis as { __caseflowJobs?: unknown }).__caseflowJobs;
  });

  it("OPS-3: a sane incoming X-Request-Id is kept, anything else replaced by a fresh one", () => {
    expect(requestIdOf({ headers: { "x-request-id": "abc-123.x:y_z" } })).toBe("abc-123.x:y_z");
    for (const bad of ["", "a b", "x".repeat(200), "<script>", "a\nb"])
      expect(requestIdOf({ headers: { "x-request-id": bad } })).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({ headers: {} })).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("OPS-3: one JSON line per request with id, method, route, path without its query, status and ms", () => {
    const lines: Record<string, unknown>[] = [];
    const req = { method: "GET", url: "/set-password?token=SECRET", headers: {} as Record<string, string> };
    const headers: Record<string, string> = {};
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      writableFinished: true,
      setHeader: (k: string, v: string) => (headers[k] = v),
    });
    logRequest(req, res, {
      routeOf: () => "/set-password",
      log: { info: (o: object) => lines.push(o as Record<string, unknown>) },
    });
    expect(lines).toHaveLength(0);
    res.emit("close");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: "GET",
      route: "/set-password",
      path: "/set-password",
      status: 200,
    });
    expect(lines[0].reqId).toBe(headers["X-Request-Id"]);
    expect(req.headers["x-request-id"]).toBe(headers["X-Request-Id"]);
    expect(typeof lines[0].ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("SECRET");
    expect(lines[0]).not.toHaveProperty("userId");
  });

  it("OPS-3: the log line names the user the app identified during the request", async () => {
    const lines: Record<string, unknown>[] = [];
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      writableFinished: true,
      setHeader() {},
    });
    const ctx = logRequest({ method: "GET", url: "/cases", headers: {} }, res, {
      log: { info: (o: object) => lines.push(o as Record<string, unknown>) },
    });
    await requestContext.run(ctx, async () => {
      await new Promise((r) => setTimeout(r, 5));
      noteRequestUser(42); // as getActor does, deep inside the app's handling
    });
    noteRequestUser(7); // outside any request: no effect
    res.emit("close");
    expect(lines[0]).toMatchObject({ route: "(other)", userId: 42 });
  });
});
