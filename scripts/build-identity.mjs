// What makes one build of Caseflow the same on every node (OPS-1), shared by `npm start`, `npm run
// build` and `npm run dev`:
// - the session secret: AUTH_SECRET, or (outside production) one made once in data/auth-secret;
// - the build's id: a hash of what the build is made from (sources, lockfile, configuration), so a
//   node serves a page's script files under the same names as the node that rendered the page, and
//   `npm start` rebuilds when any of them changed (it compared file times, and missed a lockfile bump
//   or a copy that kept old times);
// - the key Next salts server action ids with (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY), derived from the
//   session secret every node shares: left random, each node's own build named its actions
//   differently, and a form rendered by one node and posted to another was "out of date".
import { spawn } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";

/** What a build is made from: directories walked, and single files. */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];
/** Not inputs: generated code (made from prisma/schema.prisma, hashed) and tests. */
const SKIPPED = /(^|\/)(node_modules|generated|\.[^/]*)$|\.test\.tsx?$/;

/**
 * The files a build reads, relative to the root, in a stable order.
 * @param {string} rel
 * @param {string[]} [out]
 * @returns {string[]}
 */
function inputFiles(rel, out = []) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs) || SKIPPED.test(rel)) return out;
  if (!statSync(abs).isDirectory()) return (out.push(rel), out);
  for (const name of readdirSync(abs).sort()) inputFiles(`${rel}/${name}`, out);
  return out;
}

/** The id of a build of the checkout as it is now: 20 hex digits of a hash of its inputs. */
export function buildId() {
  const hash = createHash("sha256");
  for (const rel of INPUTS.flatMap((p) => inputFiles(p))) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(ROOT, rel)));
  }
  return hash.digest("hex").slice(0, 20);
}

/** Whether .next holds a build of the checkout as it is now. */
export function buildIsCurrent(distDir = ".next") {
  const file = path.join(ROOT, distDir, "BUILD_ID");
  return existsSync(file) && readFileSync(file, "utf8").trim() === buildId();
}

/** The smallest AUTH_SECRET production takes (`openssl rand -base64 32` gives 44 characters). */
const MIN_SECRET = 32;

/**
 * `env` with AUTH_SECRET (given; else, outside production, the one kept in data/auth-secret), the
 * build id and the server actions key. In production a missing or short secret stops the start:
 * made on each node, sessions signed by one were refused by the others.
 * @param {Record<string, string | undefined>} env
 */
export function withBuildIdentity(env) {
  const production = env.NODE_ENV === "production";
  if (!env.AUTH_SECRET && production)
    fail("AUTH_SECRET is not set. Set it to the same secret on every node: openssl rand -base64 32");
  if (env.AUTH_SECRET && production && env.AUTH_SECRET.length < MIN_SECRET)
    fail(`AUTH_SECRET is shorter than ${MIN_SECRET} characters. Make one with: openssl rand -base64 32`);
  if (!env.AUTH_SECRET) {
    const file = path.join(ROOT, "data", "auth-secret");
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.AUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  env.CASEFLOW_BUILD_ID ||= buildId();
  // A raw AES-256 key, base64, as Next expects it.
  env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ||= createHmac("sha256", env.AUTH_SECRET)
    .update("caseflow server actions")
    .digest("base64");
  return env;
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

/** `node <next> <args>` as a child with this environment, its output ours. */
export const next = (/** @type {string[]} */ args, /** @type {Record<string, string | undefined>} */ env) =>
  spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), ...args], {
    cwd: ROOT,
    env: /** @type {NodeJS.ProcessEnv} */ (env),
    stdio: "inherit",
  });
