// OPS-1: every node builds the same app and signs sessions with the same secret.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildId, buildIsCurrent, recordBuildKey, secretOf, withBuildIdentity } from "./build-identity.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const keyOf = (secret: string) =>
  withBuildIdentity({ AUTH_SECRET: secret }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!;

describe("one build on every node (OPS-1)", () => {
  it("OPS-1: the build's id is a hash of its inputs, the same whatever the secret (it is public)", () => {
    const id = buildId();
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(buildId()).toBe(id);
    expect(withBuildIdentity({ AUTH_SECRET: SECRET }).CASEFLOW_BUILD_ID).toBe(id);
    expect(withBuildIdentity({ AUTH_SECRET: `${SECRET}!` }).CASEFLOW_BUILD_ID).toBe(id);
  });

  it("OPS-1: in production a build made with another server actions key is not current (the node rebuilds)", () => {
    const dist = ".test-build-identity";
    const dir = path.join(ROOT, dist);
    mkdirSync(dir, { recursive: true });
    try {
      const made = withBuildIdentity({ AUTH_SECRET: SECRET });
      writeFileSync(path.join(dir, "BUILD_ID"), made.CASEFLOW_BUILD_ID!);
      recordBuildKey(made, dist);
      const production = (secret: string) =>
        withBuildIdentity({ NODE_ENV: "production", AUTH_SECRET: secret });
      expect(buildIsCurrent(production(SECRET), dist)).toBe(true);
      expect(buildIsCurrent(production(`${SECRET}!`), dist)).toBe(false);
      // Outside production one node serves: another key's build is current (no rebuild under a server).
      expect(buildIsCurrent(withBuildIdentity({ AUTH_SECRET: `${SECRET}!` }), dist)).toBe(true);
      // Sources changed since (another id): not current anywhere.
      writeFileSync(path.join(dir, "BUILD_ID"), "0".repeat(20));
      expect(buildIsCurrent(withBuildIdentity({ AUTH_SECRET: SECRET }), dist)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("OPS-1: the server actions key derives from AUTH_SECRET — the same on nodes sharing it, another for another", () => {
    expect(keyOf(SECRET)).toBe(keyOf(SECRET));
    expect(keyOf(SECRET)).not.toBe(keyOf(`${SECRET}!`));
    expect(Buffer.from(keyOf(SECRET), "base64")).toHaveLength(32); // an AES-256 key, as Next takes it
    // A key given in the environment is kept.
    const given = withBuildIdentity({ AUTH_SECRET: SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "given" });
    expect(given.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe("given");
  });

  it("OPS-1: production needs AUTH_SECRET — a single node set up before keeps data/auth-secret with a warning; a short one is weak", () => {
    const prod = { NODE_ENV: "production" };
    expect(secretOf(prod, null)).toEqual({
      secret: null,
      error: "AUTH_SECRET is not set. Set it to the same secret on every node: openssl rand -base64 32",
    });
    expect(secretOf(prod, "kept")).toMatchObject({
      secret: "kept",
      warning: expect.stringMatching(
        /^AUTH_SECRET is not set: sessions are signed with the secret kept in data\/auth-secret/,
      ),
    });
    expect(secretOf({ ...prod, AUTH_SECRET: "x".repeat(31) }, null)).toMatchObject({
      secret: "x".repeat(31),
      warning: expect.stringMatching(/^AUTH_SECRET is shorter than 32 characters, which is weak/),
    });
    expect(secretOf({ ...prod, AUTH_SECRET: SECRET }, "kept")).toEqual({
      secret: SECRET,
      warning: undefined,
    });
    // Outside production: the kept one, or (none yet) one made there.
    expect(secretOf({}, "kept")).toEqual({ secret: "kept" });
    expect(secretOf({}, null)).toEqual({ secret: null });
  });
});
