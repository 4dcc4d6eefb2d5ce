import { describe, expect, it } from "vitest";
import { makeAgent, makeAdmin, unique } from "@/lib/testing/fixtures";
import { createGroup } from "../assignment/write";
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

  it("REL-1: % and _ in a lookup's search text match themselves on both databases; case is still ignored", async () => {
    const admin = await makeAdmin();
    const tag = unique("Lk");
    for (const name of ["100% sure", "100 x sure", "a_b", "axb"])
      await createGroup(admin, { name: `${tag} ${name}` });
    const found = async (q: string) =>
      (await lookup(admin, "groups", new URLSearchParams({ q })))
        .map((o) => o.label)
        .filter((label) => label.startsWith(tag))
        .map((label) => label.slice(tag.length + 1));
    expect(await found(`${tag} 100%`)).toEqual(["100% sure"]);
    expect(await found("a_b")).toEqual(["a_b"]);
    expect(await found(`${tag.toUpperCase()} A_B`)).toEqual(["a_b"]); // case ignored, as before
    expect(await found(`${tag} 100`)).toEqual(["100 x sure", "100% sure"]);
  });
});
