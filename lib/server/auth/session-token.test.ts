import { hkdfSync } from "node:crypto";
import { EncryptJWT } from "jose";
import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "test-secret-0123456789-abcdefghijklmnop";
const salt = "authjs.session-token";
const make = (extra: { maxAge?: number } = {}) =>
  encode({ token: { uid: 7, sid: "abc" }, secret, salt, ...extra });

/** Replaces one character of the token's `index`-th part. */
function alter(token: string, index: number) {
  const parts = token.split(".");
  const p = parts[index];
  parts[index] = (p[0] === "A" ? "B" : "A") + p.slice(1);
  return parts.join(".");
}

describe("the session cookie, decoded with node:crypto and keys derived once (REL-5, PERF-8)", () => {
  afterEach(() => void vi.useRealTimers());

  it("REL-5: a token next-auth made decodes to what next-auth's own decode reads, twice (the second from the cached key)", async () => {
    const token = await make();
    const theirs = await decode({ token, secret, salt });
    for (let i = 0; i < 2; i++) expect(await decodeSessionToken(token, secret, salt)).toEqual(theirs);
    expect(theirs).toMatchObject({ uid: 7, sid: "abc" });
  });

  it("REL-5: another secret, another cookie name, an expired token and any altered part are refused", async () => {
    const token = await make();
    await expect(decodeSessionToken(token, `${secret}x`, salt)).rejects.toThrow(/decryption secret/);
    await expect(decodeSessionToken(token, secret, "__Secure-authjs.session-token")).rejects.toThrow(
      /decryption secret/,
    );
    await expect(decodeSessionToken(await make({ maxAge: -60 }), secret, salt)).rejects.toThrow(/exp/);
    for (const part of [0, 2, 3, 4])
      await expect(decodeSessionToken(alter(token, part), secret, salt), `part ${part}`).rejects.toThrow();
    await expect(decodeSessionToken("not.a.token", secret, salt)).rejects.toThrow();
  });

  it("REL-5, PERF-8: a token read before is not decrypted again, but still expires and still needs its secret", async () => {
    const token = await make({ maxAge: 60 });
    const first = await decodeSessionToken(token, secret, salt);
    first.uid = 8; // what a caller does with its copy stays its own
    expect(await decodeSessionToken(token, secret, salt)).toMatchObject({ uid: 7, sid: "abc" });
    await expect(decodeSessionToken(token, `${secret}x`, salt)).rejects.toThrow(/decryption secret/);
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
    await expect(decodeSessionToken(token, secret, salt)).rejects.toThrow(/exp/);
  });

  it("REL-5: an A256GCM token (which next-auth's decode also accepts) is read through jose", async () => {
    const key = new Uint8Array(
      hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 32),
    );
    const token = await new EncryptJWT({ uid: 9, sid: "gcm" })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setIssuedAt()
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await decodeSessionToken(token, secret, salt)).toMatchObject({ uid: 9, sid: "gcm" });
  });
});
