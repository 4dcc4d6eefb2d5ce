import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "test-secret-0123456789-abcdefghijklmnop";
const salt = "authjs.session-token";

describe("the session cookie, decoded with keys derived once (REL-5, PERF-8)", () => {
  it("REL-5: a token next-auth made decodes to its payload, twice (the second from the cached key)", async () => {
    const token = await encode({ token: { uid: 7, sid: "abc" }, secret, salt });
    for (let i = 0; i < 2; i++)
      expect(await decodeSessionToken(token, secret, salt)).toMatchObject({ uid: 7, sid: "abc" });
  });

  it("REL-5: another secret, another cookie name, an expired or altered token are refused", async () => {
    const token = await encode({ token: { uid: 7, sid: "abc" }, secret, salt });
    await expect(decodeSessionToken(token, `${secret}x`, salt)).rejects.toThrow(/decryption/);
    await expect(decodeSessionToken(token, secret, "__Secure-authjs.session-token")).rejects.toThrow(
      /decryption/,
    );
    const expired = await encode({ token: { uid: 7, sid: "abc" }, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken(expired, secret, salt)).rejects.toThrow(/exp/);
    const altered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(decodeSessionToken(altered, secret, salt)).rejects.toThrow();
  });
});
