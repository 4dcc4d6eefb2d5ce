import { describe, expect, it } from "vitest";
import { caseThreadId, threadHeaders } from "./thread";

const token = "A".repeat(31) + "b";
const other = "B".repeat(32);
const address = (t: string) => `reply+${t}@support.example.com`;

describe("a case's email thread (PRO-5, NOT-1)", () => {
  it("PRO-5: every email of one case names the same thread; another case's names another", () => {
    const id = caseThreadId(address(token));
    expect(id).toMatch(/^<case-[0-9a-f]{32}@support\.example\.com>$/);
    expect(caseThreadId(address(token))).toBe(id);
    expect(caseThreadId(address(other))).not.toBe(id);
  });

  it("PRO-5: the thread does not carry the case's reply token", () => {
    expect(caseThreadId(address(token))).not.toContain(token);
  });

  it("PRO-5: an address that is no case's reply address has no thread", () => {
    expect(caseThreadId("support@support.example.com")).toBeNull();
    expect(caseThreadId("reply+short@support.example.com")).toBeNull();
    expect(caseThreadId("reply+" + token)).toBeNull();
  });

  it("NOT-1: a case email answers the thread; an answer to a message answers it within the thread", () => {
    const root = caseThreadId(address(token))!;
    expect(threadHeaders({ replyTo: address(token), inReplyTo: null })).toEqual({
      inReplyTo: root,
      references: [root],
    });
    expect(threadHeaders({ replyTo: address(token), inReplyTo: "<m1@example.org>" })).toEqual({
      inReplyTo: "<m1@example.org>",
      references: [root, "<m1@example.org>"],
    });
    expect(threadHeaders({ replyTo: null, inReplyTo: "<m1@example.org>" })).toEqual({
      inReplyTo: "<m1@example.org>",
      references: ["<m1@example.org>"],
    });
    expect(threadHeaders({ replyTo: null, inReplyTo: null })).toEqual({});
  });
});
