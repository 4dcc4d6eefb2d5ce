import { describe, expect, it } from "vitest";
import { replyAddress, replyTokenOf } from "./reply-address";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012_-9";

describe("reply addresses (PRO-5)", () => {
  it("PRO-5: a case's reply address carries its token and round-trips", () => {
    const address = replyAddress(TOKEN, "support.example.com");
    expect(address).toBe(`reply+${TOKEN}@support.example.com`);
    expect(replyTokenOf(address, "support.example.com")).toBe(TOKEN);
    expect(replyTokenOf(`REPLY+${TOKEN}@Support.Example.COM`, "support.example.com")).toBe(TOKEN);
  });

  it("PRO-5: another domain, another local part or a malformed token names no case", () => {
    expect(replyTokenOf(`reply+${TOKEN}@evil.example`, "support.example.com")).toBeNull();
    expect(replyTokenOf(`help@support.example.com`, "support.example.com")).toBeNull();
    expect(replyTokenOf(`reply+short@support.example.com`, "support.example.com")).toBeNull();
    expect(replyTokenOf(`reply+${TOKEN}x@support.example.com`, "support.example.com")).toBeNull();
    expect(replyTokenOf("no-at-sign", "support.example.com")).toBeNull();
  });
});
