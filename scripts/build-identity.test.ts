// OPS-1: every node builds the same app and signs sessions with the same secret.
import { describe, expect, it } from "vitest";
import { buildId, secretOf, withBuildIdentity } from "./build-identity.mjs";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const keyOf = (secret: string) =>
  withBuildIdentity({ AUTH_SECRET: secret }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!;

describe("one build on every node (OPS-1)", () => {
  it("OPS-1: the build's id is a hash of its inputs and of the server actions key — another key, another build", () => {
    const id = buildId("k1");
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(buildId("k1")).toBe(id);
    expect(buildId("k2")).not.toBe(id);
    const env = withBuildIdentity({ AUTH_SECRET: SECRET });
    expect(env.CASEFLOW_BUILD_ID).toBe(buildId(keyOf(SECRET)));
    expect(withBuildIdentity({ AUTH_SECRET: `${SECRET}!` }).CASEFLOW_BUILD_ID).not.toBe(
      env.CASEFLOW_BUILD_ID,
    );
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
