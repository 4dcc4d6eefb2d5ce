import "server-only";
import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";

// next-auth's session cookie, decrypted as its own `decode` (@auth/core/jwt) does: a compact JWE
// with "dir" key management, its key derived from AUTH_SECRET by HKDF-SHA256 with the cookie name
// as salt and named by its JWK thumbprint. Two things differ, both for PERF-8 (measured on the case
// page): each derived key and thumbprint is computed once per process, not per request (~3% of the
// page's CPU); and next-auth's own encryption, A256CBC-HS512, is checked and decrypted with
// node:crypto (RFC 7518 §5.2.2) — jose 6 does it through WebCrypto, whose HMAC, key import and
// constant-time compare cost ~6 ms of CPU per request in Node. Any other token shape (A256GCM, a
// `zip` or `crit` header) goes to jose. lib/server/auth/session-token.test.ts checks both paths
// against tokens next-auth makes, and that altered, expired and foreign tokens are refused.

type Key = { key: Uint8Array; kid: string };
const LENGTHS: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };
const CLOCK_TOLERANCE_S = 15; // as next-auth's decode
const keys = new Map<string, Promise<Key>>();

function derivedKey(enc: string, secret: string, salt: string): Promise<Key> {
  const length = LENGTHS[enc];
  if (!length) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  const id = `${enc}|${salt}|${secret}`;
  let found = keys.get(id);
  if (!found) {
    const key = new Uint8Array(
      hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length),
    );
    const alg = `sha${length << 3}` as "sha256";
    found = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, alg).then((kid) => ({
      key,
      kid,
    }));
    keys.set(id, found);
  }
  return found;
}

const refused = () => new Error("JWE decryption failed");

/** RFC 7518 §5.2.2.2 for A256CBC-HS512, or null when the token is of another shape (jose reads it). */
async function decryptCbc(token: string, secret: string, salt: string): Promise<JWTPayload | null> {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null;
  const [protectedHeader, , iv64, ciphertext64, tag64] = parts;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
  } catch {
    throw refused();
  }
  if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || "zip" in header || "crit" in header)
    return null;
  const { key, kid } = await derivedKey("A256CBC-HS512", secret, salt);
  if (header.kid !== undefined && header.kid !== kid) throw new Error("no matching decryption secret");
  const iv = Buffer.from(iv64, "base64url");
  const ciphertext = Buffer.from(ciphertext64, "base64url");
  const tag = Buffer.from(tag64, "base64url");
  const aad = Buffer.from(protectedHeader, "ascii");
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac("sha512", key.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(al);
  const expected = mac.digest().subarray(0, 32);
  if (iv.length !== 16 || tag.length !== 32 || !timingSafeEqual(tag, expected)) throw refused();
  let payload: unknown;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    payload = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8"));
  } catch {
    throw refused();
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) throw refused();
  return checkedClaims(payload as JWTPayload);
}

/** The time claims jose's jwtDecrypt checks, with next-auth's tolerance. */
function checkedClaims(p: Readonly<JWTPayload>): Readonly<JWTPayload> {
  const now = Math.floor(Date.now() / 1000);
  for (const claim of ["exp", "nbf", "iat"] as const)
    if (p[claim] !== undefined && typeof p[claim] !== "number")
      throw new Error(`"${claim}" claim must be a number`);
  if (p.exp !== undefined && p.exp <= now - CLOCK_TOLERANCE_S)
    throw new Error('"exp" claim timestamp check failed');
  if (p.nbf !== undefined && p.nbf > now + CLOCK_TOLERANCE_S)
    throw new Error('"nbf" claim timestamp check failed');
  return p;
}

// PERF-8: a signed-in user sends the same token with every request until next-auth renews it, so
// a token already checked and decrypted is kept (its payload, by secret, cookie name and the exact
// token text) and only its time claims are checked again: checking the tag and decrypting cost ~1%
// of a page's CPU. Bounded: one entry per active session, the least recently used dropped.
const decoded = new LRUCache<string, Readonly<JWTPayload>>({ max: 5_000 });

/** The payload of a session token made by next-auth with `secret` for the cookie `salt`. */
export async function decodeSessionToken(token: string, secret: string, salt: string): Promise<JWTPayload> {
  const id = `${secret}\0${salt}\0${token}`;
  const known = decoded.get(id);
  if (known) return { ...checkedClaims(known) };
  const fast = await decryptCbc(token, secret, salt);
  if (fast) {
    decoded.set(id, Object.freeze({ ...fast }));
    return fast;
  }
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const { key, kid: own } = await derivedKey(enc, secret, salt);
      if (kid === undefined || kid === own) return key;
      throw new Error("no matching decryption secret");
    },
    {
      clockTolerance: CLOCK_TOLERANCE_S,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"],
    },
  );
  return payload;
}
