// WRK-1 / ADM-3: a list an admin changed is forgotten by every worker of the node, not only the
// one that served the admin — a real cluster of three processes, as scripts/server.mjs runs.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const relay = pathToFileURL(path.resolve(__dirname, "cache-relay.mjs")).href;

// The primary relays; worker 1 announces once both are listening; each worker reports what it
// was told to forget. The primary prints the reports when worker 2 has heard, or after 5 s.
const script = `
import cluster from "node:cluster";
import { relayForgets, announceForget, onForget } from ${JSON.stringify(relay)};
if (cluster.isPrimary) {
  relayForgets();
  const heard = { 1: [], 2: [] };
  let ready = 0;
  const done = () => {
    console.log(JSON.stringify(heard));
    for (const w of Object.values(cluster.workers)) w.kill();
    process.exit(0);
  };
  setTimeout(done, 5000);
  for (const n of [1, 2]) {
    const w = cluster.fork({ N: String(n) });
    w.on("message", (m) => {
      if (m.ready && ++ready === 2) cluster.workers[1].send({ go: true });
      if (m.heard) { heard[n].push(m.heard); if (n === 2) setTimeout(done, 200); }
    });
  }
} else {
  onForget((prefix) => process.send({ heard: prefix }));
  process.on("message", (m) => { if (m.go) announceForget("groups:"); });
  process.send({ ready: true });
}
`;

describe("cache relay", () => {
  it("WRK-1 / ADM-3: a forget in one worker reaches the other workers of the node, and not itself", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cache-relay-"));
    const file = path.join(dir, "cluster.mjs");
    writeFileSync(file, script);
    const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 15_000 });
    expect(JSON.parse(stdout.trim())).toEqual({ 1: [], 2: ["groups:"] });
  });

  it("outside a cluster worker, announcing is a no-op and nothing listens", async () => {
    const { announceForget, onForget } = await import("./cache-relay.mjs");
    expect(() => announceForget("groups:")).not.toThrow();
    const before = process.listenerCount("message");
    onForget(() => {});
    expect(process.listenerCount("message")).toBe(before);
  });
});
