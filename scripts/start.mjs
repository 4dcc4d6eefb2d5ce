// `npm start`: migrate, build when needed, load the demo data into an empty database (never with
// NODE_ENV=production, SET-1), say who can sign in, serve.
// Honours PORT and DATABASE_URL (default: SQLite at data/caseflow.db).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, withBuildIdentity } from "./build-identity.mjs";
import { migrate } from "./db/migrate.mjs";
import { DEFAULT_DATABASE_URL, ROOT, providerOf } from "./db/providers.mjs";

const env = { ...process.env };
env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
env.PORT ||= "3000";
env.AUTH_TRUST_HOST ||= "true";
env.NEXT_TELEMETRY_DISABLED ||= "1";

// The session secret (required in production), the build's id and its server actions key: the same
// on every node that shares the secret and the checkout (scripts/build-identity.mjs).
withBuildIdentity(env);

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

// A build of the checkout as it is now, or a new one (its id is a hash of what it is made from).
if (!buildIsCurrent(env)) {
  console.log("building the app (next build)…");
  // `npm run build`'s script: the one place a build is made and its key noted.
  run(process.execPath, [path.join(ROOT, "scripts/build.mjs")]);
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
if (env.SMTP_URL && !env.MAIL_FROM && process.env.NODE_ENV === "production")
  console.log(
    "\nMAIL_FROM is not set: outgoing email is sent from no-reply@caseflow.local, which many mail " +
      'servers refuse. Set it to your sender, e.g. MAIL_FROM="Support <support@example.com>".',
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
