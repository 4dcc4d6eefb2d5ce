// `npm run test:cluster` (OPS-1): two production nodes on one fresh PostgreSQL database, a mixed
// load of writes sent to both, one node SIGKILLed mid-run and restarted; then every acknowledged
// write must be there once, no email sent twice, no job item left undone, no number used twice.
// Ports: nodes on CLUSTER_PORT (4000) and +1; the mail sink on a free port. Job ticks and leases
// run 50× faster (CASEFLOW_JOB_TIME_SCALE=0.02: the outbox lease is 6 s instead of 5 minutes).
import { checkEmails, checkJobs, checkNumbers, checkWrites, querier } from "./check.mts";
import { Load } from "./load.mts";
import {
  buildIfNeeded,
  freshDatabase,
  keepAliveHint,
  killNode,
  LOG_DIR,
  startNode,
  type Node,
} from "./nodes.mts";
import { startSink } from "./smtp-sink.mts";
import { TEST_AUTH_SECRET } from "../test-secret.mjs";

const started = Date.now();
const LIMIT_MS = 150_000;
setTimeout(() => {
  console.error(`FAILED: test:cluster did not finish within ${LIMIT_MS / 1000} s`);
  process.exit(1); // the nodes are killed on exit (nodes.mts)
}, LIMIT_MS).unref();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const port = Number(process.env.CLUSTER_PORT ?? 4000);
const CASES = 80;
const INCIDENTS = 16;
const KILL_AFTER = 160; // writes sent before node B is killed (of about 400)

if (buildIfNeeded(TEST_AUTH_SECRET)) console.log(`built in ${secs(Date.now() - started)}`);
const sink = await startSink(30);
const url = await freshDatabase();
const { q, end } = querier(url);
// Job items waiting from the start: Resolved demo cases past auto-close (without a contact or
// consumer, so their customers' earlier comments do not count as answers), SLA timers past due.
await q(`UPDATE "Case" SET "state" = 6, "resolvedAt" = now() - interval '30 days', "contactId" = NULL,
  "consumerId" = NULL WHERE "state" IN (1, 10)`);
await q(`UPDATE "CaseSla" SET "dueAt" = now() - interval '2 minutes', "warnAt" = now() - interval '32 minutes'
  WHERE "stoppedAt" IS NULL`);

const env = {
  DATABASE_URL: url,
  AUTH_SECRET: TEST_AUTH_SECRET,
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://127.0.0.1:${port}`,
  SMTP_URL: `smtp://127.0.0.1:${sink.port}?ignoreTLS=true`,
  CASEFLOW_JOB_TIME_SCALE: "0.02",
};
const [a, b] = await Promise.all([startNode("node-a", port, env), startNode("node-b", port + 1, env)]);
const nodes: Record<string, Node> = { "node-a": a, "node-b": b };
console.log(`two nodes ready on ${port} and ${port + 1} (${secs(Date.now() - started)} since start)`);
// Behind the README's nginx (idle upstream connections kept 60 s) a node must keep them longer.
const keepAlive = await keepAliveHint(port);

const targets = [
  { name: "node-a", port, down: false },
  { name: "node-b", port: port + 1, down: false },
];
let killAt = 0;
let orphans: number[] = [];
let restarted: Promise<void> = Promise.resolve();
const kill = async () => {
  targets[1].down = true;
  killAt = Date.now();
  await killNode(nodes["node-b"], "SIGKILL");
  // Outbox messages node B had claimed and not finished: node A must take them over after the lease.
  const pid = nodes["node-b"].child.pid;
  orphans = (
    await q(`SELECT "id" FROM "OutboxMessage" WHERE "status" = 'sending' AND "lockedBy" LIKE $1`, [
      `%:${pid}:%`,
    ])
  ).map((r) => Number(r.id));
  console.log(`SIGKILLed node-b after ${KILL_AFTER} writes; it held ${orphans.length} outbox claim(s)`);
  nodes["node-b"] = await startNode("node-b", port + 1, env);
  await load.warmUp([targets[1]]); // a new process checks each password once again
  targets[1].down = false;
  console.log(`node-b back after ${secs(Date.now() - killAt)}`);
};
const load = new Load(targets, String(process.pid), (sent) => {
  if (sent === KILL_AFTER) restarted = kill();
});
await load.warmUp();
const loadStart = Date.now();
await load.go({ cases: CASES, incidents: INCIDENTS, concurrency: 8 });
await restarted;
const loadMs = Date.now() - loadStart;

// Wait for the outbox to empty (the orphans need their lease to expire) and the jobs to catch up.
let takeoverMs = -1;
for (
  const deadline = Date.now() + 30_000;
  Date.now() < deadline;
  await new Promise((r) => setTimeout(r, 250))
) {
  const left = await q(`SELECT count(*) n FROM "OutboxMessage" WHERE "status" IN ('pending', 'sending')`);
  const jobProblems: string[] = [];
  await checkJobs(q, jobProblems);
  if (Number(left[0].n) === 0 && !jobProblems.length) break;
}
if (orphans.length) {
  const [t] = await q(
    `SELECT max("sentAt") t FROM "OutboxMessage" WHERE "id" = ANY($1) AND "status" = 'sent'`,
    [orphans],
  );
  if (t.t instanceof Date) takeoverMs = t.t.getTime() - killAt;
}

const problems: string[] = [];
if (keepAlive !== "timeout=65") problems.push(`node-a answers Keep-Alive: ${keepAlive}, not timeout=65`);
const found = await checkWrites(q, load.writes, problems);
await checkNumbers(q, problems);
const mail = await checkEmails(q, sink.received, killAt, problems);
const jobs = await checkJobs(q, problems);

// OPS-2 on the way out: SIGTERM drains both nodes, each well within 10 s.
const stops = await Promise.all(
  Object.values(nodes).map(async (n) => {
    const t = Date.now();
    const code = await killNode(n, "SIGTERM");
    if (code !== 0) problems.push(`${n.name} exited ${code} on SIGTERM`);
    return Date.now() - t;
  }),
);
await end();
await sink.close();

const takeover = takeoverMs >= 0 ? `${secs(takeoverMs)} after the kill` : "(none held, or not sent)";
const acked = load.writes.filter((w) => w.status >= 200 && w.status < 300).length;
const unanswered = load.writes.filter((w) => w.status === 0).length;
const refused = load.writes.length - acked - unanswered;
console.log(
  `
writes sent          ${load.writes.length} (in ${secs(loadMs)})
acknowledged         ${acked}   unanswered (node killed): ${unanswered}   refused (4xx/5xx): ${refused}
found in database    ${found} (every acknowledged write exactly once)
emails               ${mail.received} received, ${mail.distinct} distinct Message-IDs, ${mail.outbox} in the outbox; ` +
    `duplicates ${mail.duplicates}, re-sent after the crash ${mail.crashResends}
takeover             ${orphans.length} claim(s) of the killed node, all sent ${takeover}
jobs                 ${jobs.autoClosed} case(s) auto-closed once each, ${jobs.slaBreached} SLA breach(es) recorded
keep-alive           ${keepAlive} (idle connections outlive a proxy's 60 s)
SIGTERM              nodes drained in ${stops.map(secs).join(", ")}
total                ${secs(Date.now() - started)} (node logs: ${LOG_DIR})`,
);
if (refused) {
  const statuses = load.writes.filter((w) => w.status >= 300).map((w) => `${w.kind} ${w.status}`);
  problems.push(`${refused} write(s) refused (${statuses.join(", ")}): see the node logs`);
}
if (problems.length) {
  console.error(`\nFAILED (OPS-1):\n- ${problems.slice(0, 30).join("\n- ")}`);
  process.exit(1);
}
console.log("\nOPS-1 cluster test passed");
