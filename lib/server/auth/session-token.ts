import "server-only";
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";

// next-auth's session cookie, decrypted as its own `decode` (@auth/core/jwt) does — a JWE with
// "dir" key management, the key derived from AUTH_SECRET by HKDF-SHA256 with the cookie name as
// salt and named by its JWK thumbprint — but with each derived key and thumbprint computed once
// per process instead of on every request (PERF-8: the derivation and the thumbprint were ~3% of
// a page's CPU). Tokens are still made by next-auth; lib/server/auth/session-token.test.ts checks
// that every token it makes decodes here to the same payload, and that others are refused.

type Key = { key: Uint8Array; kid: string };
const LENGTHS: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };
const keys = new Map<string, Promise<Key>>();

function derivedKey(enc: string, secret: string, salt: string): Promise<Key> {
  const length = LENGTHS[enc];
  if (!length) throw new Error("Unsupported JWT Content Encryption Algorithm");
  const id = `${enc}\\0${salt}\\0${secret}`;
  let found = keys.get(id);
  if (!found) {
    const key = new Uint8Array(
      hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length),
    );
    found = calculateJwkThumbprint(
      { kty: "oct", k: base64url.encode(key) },
      `sha${length << 3}` as "sha256",
    ).then((kid) => ({ key, kid }));
    keys.set(id, found);
  }
  return found;
}

/** The payload of a session token made by next-auth with `secret` for the cookie `salt`. */
export async function decodeSessionToken(token: string, secret: string, salt: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const { key, kid: own } = await derivedKey(enc, secret, salt);
      if (kid === undefined || kid === own) return key;
      throw new Error("no matching decryption secret");
    },
    {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"],
    },
  );
  return payload;
}
