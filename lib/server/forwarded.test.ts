import { describe, expect, it } from "vitest";
import { clientAddressOf, PEER_HEADER, throttleAddress } from "./forwarded";

describe("the client address throttles count (REL-8, SET-4)", () => {
  it("REL-8: IPv4 as it is; IPv6 by its /64, so a host cannot take a fresh address per attempt", () => {
    expect(throttleAddress("192.0.2.7")).toBe("192.0.2.7");
    expect(throttleAddress("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(throttleAddress("2001:db8:85a3::1")).toBe(throttleAddress("2001:db8:85a3:0:ffff:8a2e:370:7334"));
    expect(throttleAddress("2001:db8:85a3::1")).not.toBe(throttleAddress("2001:db8:85a4::1"));
  });

  it("REL-8: without TRUST_PROXY the server's peer header counts, never X-Forwarded-For", () => {
    delete process.env.TRUST_PROXY;
    const h = new Headers({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": "203.0.113.9" });
    expect(clientAddressOf(h)).toBe("198.51.100.4");
    process.env.TRUST_PROXY = "1";
    try {
      expect(clientAddressOf(h)).toBe("203.0.113.9");
    } finally {
      delete process.env.TRUST_PROXY;
    }
    expect(clientAddressOf(new Headers())).toBeNull();
  });
});
