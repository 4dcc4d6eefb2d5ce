import { describe, expect, it } from "vitest";
import { makeAgent } from "@/lib/testing/fixtures";
import { LOOKUP_KINDS, lookup } from "./search";

describe("lookup input (REL-1)", () => {
  it("REL-1: names inherited by every object are no lookup kinds: not found, never a crash", async () => {
    const agent = await makeAgent();
    for (const kind of ["hasOwnProperty", "__proto__", "valueOf", "constructor", "toString", "nope"])
      await expect(lookup(agent, kind, new URLSearchParams()), kind).rejects.toMatchObject({
        kind: "not_found",
      });
    expect(LOOKUP_KINDS).toContain("accounts");
  });

  it("REL-1: a search text with a control character is refused naming it", async () => {
    const agent = await makeAgent();
    await expect(lookup(agent, "accounts", new URLSearchParams({ q: "Acme\u0000" }))).rejects.toMatchObject({
      kind: "invalid",
      field: "q",
      message: "Search text contains a control character (U+0000); remove it and try again.",
    });
    expect(await lookup(agent, "accounts", new URLSearchParams({ q: "Acme" }))).toBeInstanceOf(Array);
  });
});
