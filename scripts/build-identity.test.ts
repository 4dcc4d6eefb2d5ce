// OPS-1: every node builds the same app and signs sessions with the same secret.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildId, withBuildIdentity } from "./build-identity.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = "a-secret-of-at-least-thirty-two-characters";

/** `npm start` in production with this AUTH_SECRET (or none): its exit status and output. */
function productionStart(secret: string | undefined) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "file:/nonexistent/x.db",
  };
  if (secret === undefined) delete env.AUTH_SECRET;
  else env.AUTH_SECRET = secret;
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/start.mjs")], { env, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("one build on every node (OPS-1)", () => {
  it("OPS-1: the build's id is a hash of its inputs, the same each time it is asked", () => {
    const id = buildId();
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(buildId()).toBe(id);
    expect(withBuildIdentity({ AUTH_SECRET: SECRET }).CASEFLOW_BUILD_ID).toBe(id);
    // The package file is an input: the id is not just the commit's.
    expect(readFileSync(path.join(ROOT, "package.json"), "utf8")).toContain("scripts/build.mjs");
  });

  it("OPS-1: the server actions key derives from AUTH_SECRET — the same on nodes sharing it, another for another", () => {
    const key = (secret: string) =>
      withBuildIdentity({ AUTH_SECRET: secret }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!;
    expect(key(SECRET)).toBe(key(SECRET));
    expect(key(SECRET)).not.toBe(key(`${SECRET}!`));
    expect(Buffer.from(key(SECRET), "base64")).toHaveLength(32); // an AES-256 key, as Next takes it
    // A key given in the environment is kept.
    expect(
      withBuildIdentity({ AUTH_SECRET: SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "given" })
        .NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    ).toBe("given");
  });

  it("OPS-1: a production start without AUTH_SECRET, or with a short one, stops naming it (before touching the database)", () => {
    const missing = productionStart(undefined);
    expect(missing.status).toBe(1);
    expect(missing.out).toContain("AUTH_SECRET is not set. Set it to the same secret on every node");
    const short = productionStart("x".repeat(31));
    expect(short.status).toBe(1);
    expect(short.out).toContain("AUTH_SECRET is shorter than 32 characters");
  });
});
