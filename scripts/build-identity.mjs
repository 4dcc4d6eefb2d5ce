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

/**
 * What a build records of the server actions key it was made with (which names its actions): a
 * hash, in a file of .next that is never served — the public build id says nothing of the secret.
 */
const KEY_FILE = "caseflow-actions-key";
const keyPrint = (/** @type {string} */ key) => createHash("sha256").update(`caseflow ${key}`).digest("hex");

/**
 * Notes the key `env`'s build was made with, after `next build`.
 * @param {Record<string, string | undefined>} env
 */
export function recordBuildKey(env, distDir = ".next") {
  writeFileSync(path.join(ROOT, distDir, KEY_FILE), keyPrint(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? ""));
}

/**
 * Whether .next holds the build `env` names (after withBuildIdentity): the checkout as it is now and,
 * in production, made with its key — a node that had built with its own data/auth-secret rebuilds
 * when given the shared secret, or its actions would be named unlike the other nodes'. Outside
 * production one node serves: a build made with another key serves as well (the runtime key encrypts;
 * only the names were the build's), and `npm start` after `npm test` does not rebuild under a server.
 * @param {Record<string, string | undefined>} env
 */
export function buildIsCurrent(env, distDir = ".next") {
  const read = (/** @type {string} */ name) => {
    const file = path.join(ROOT, distDir, name);
    return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
  };
  if (read("BUILD_ID") !== env.CASEFLOW_BUILD_ID) return false;
  return (
    env.NODE_ENV !== "production" || read(KEY_FILE) === keyPrint(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "")
  );
}

/** The smallest AUTH_SECRET taken without a warning (`openssl rand -base64 32` gives 44 characters). */
const MIN_SECRET = 32;
const SECRET_FILE = path.join(ROOT, "data", "auth-secret");

/**
 * Where the session secret comes from: AUTH_SECRET; else the one kept in data/auth-secret (made
 * there once outside production). In production without either the start stops — made on each node,
 * a session signed by one was refused by the others; with only the file (a single node set up before
 * this rule) it goes on, saying to set AUTH_SECRET. A short one is said to be weak.
 * @param {Record<string, string | undefined>} env
 * @param {string | null} kept data/auth-secret's secret, if there is one
 * @returns {{ secret: string | null, error?: string, warning?: string }}
 */
export function secretOf(env, kept) {
  const production = env.NODE_ENV === "production";
  const weak = (/** @type {string} */ secret) =>
    secret.length < MIN_SECRET
      ? `AUTH_SECRET is shorter than ${MIN_SECRET} characters, which is weak: make one with ` +
        "openssl rand -base64 32 (changing it signs everyone out)."
      : undefined;
  if (env.AUTH_SECRET)
    return { secret: env.AUTH_SECRET, warning: production ? weak(env.AUTH_SECRET) : undefined };
  if (!production) return { secret: kept };
  if (kept)
    return {
      secret: kept,
      warning:
        "AUTH_SECRET is not set: sessions are signed with the secret kept in data/auth-secret. Set AUTH_SECRET to it " +
        "(the same on every node) — another node would make its own, and refuse these sessions.",
    };
  return {
    secret: null,
    error: "AUTH_SECRET is not set. Set it to the same secret on every node: openssl rand -base64 32",
  };
}

/**
 * `env` with its session secret (secretOf), the server actions key derived from it and the build id.
 * @param {Record<string, string | undefined>} env
 */
export function withBuildIdentity(env) {
  const kept = existsSync(SECRET_FILE) ? readFileSync(SECRET_FILE, "utf8").trim() || null : null;
  const { secret, error, warning } = secretOf(env, kept);
  if (error) fail(error);
  if (warning) console.warn(warning);
  if (secret) env.AUTH_SECRET = secret;
  else {
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, env.AUTH_SECRET, { mode: 0o600 });
  }
  // A raw AES-256 key, base64, as Next expects it.
  env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ||= createHmac("sha256", env.AUTH_SECRET)
    .update("caseflow server actions")
    .digest("base64");
  env.CASEFLOW_BUILD_ID ||= buildId();
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
