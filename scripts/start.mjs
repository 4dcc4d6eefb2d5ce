// `npm start`: migrate, build when needed, load the demo data into an empty database (never with
// NODE_ENV=production, SET-1), say who can sign in, serve.
// Honours PORT and DATABASE_URL (default: SQLite at data/caseflow.db).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { migrate } from "./db/migrate.mjs";
import { DEFAULT_DATABASE_URL, ROOT, providerOf } from "./db/providers.mjs";

const env = { ...process.env };
env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
env.PORT ||= "3000";
env.AUTH_TRUST_HOST ||= "true";
env.NEXT_TELEMETRY_DISABLED ||= "1";

// A stable secret for signing sessions, kept in data/ when none is given.
if (!env.AUTH_SECRET) {
  const file = path.join(ROOT, "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

// The zone pages show times in and date fields are typed in (lib/domain/time-format.ts): a name
// the server does not know would fail every page that writes a time, so it stops the start instead.
if (env.TZ) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: env.TZ });
  } catch {
    console.error(
      `TZ=${env.TZ} is no time zone this server knows; use an IANA name such as Europe/Berlin, or UTC.`,
    );
    process.exit(1);
  }
}

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`database: ${providerOf(env.DATABASE_URL)} (${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")})`);
process.env.DATABASE_URL = env.DATABASE_URL;
const applied = await migrate(env.DATABASE_URL);
console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");

/**
 * The latest modification time (ms) of a file under `dir`, or `newest` if later.
 * @param {string} dir
 * @param {number} [newest]
 * @returns {number}
 */
function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = entry.isDirectory() ? newestSource(p, newest) : Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}
const buildId = path.join(ROOT, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package.json"].map(
  (p) => path.join(ROOT, p),
);
const newest = Math.max(
  ...sources
    .filter(existsSync)
    .map((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs)),
);
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newest) {
  console.log("building the app (next build)…");
  run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]);
}

// The demo data (never with NODE_ENV=production) and who can sign in: after the build, so it is the
// last thing printed before the server's own lines.
run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.mts"]);
if (!env.APP_URL && process.env.NODE_ENV === "production")
  console.log(
    "\nAPP_URL is not set: links in emails (invitations, password resets) will name " +
      `http://localhost:${env.PORT}. Set APP_URL to the address people use.`,
  );
// PRO-5: customer emails say "reply to this email" and carry reply+<token>@<domain>; without a
// domain whose mail reaches this server, customers' replies bounce (they can still answer in the portal).
if (!env.INBOUND_EMAIL_DOMAIN && process.env.NODE_ENV === "production")
  console.log(
    "\nINBOUND_EMAIL_DOMAIN is not set: customer emails invite replies to reply+…@caseflow.localhost, " +
      "which no mail server delivers. Set it to a domain whose mail reaches INBOUND_SMTP_PORT (README: Email).",
  );
console.log(`\nCaseflow is starting on http://localhost:${env.PORT}`);
env.NODE_ENV = "production";
const server = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
  cwd: ROOT,
  env,
  stdio: "inherit",
});
for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
