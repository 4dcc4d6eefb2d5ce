import { describe, expect, it } from "vitest";
import { checkJournalBody } from "./write";

describe("journal body check (REL-1)", () => {
  it("REL-1: a journal entry with U+0000 or another control character is refused naming the field", () => {
    expect(() => checkJournalBody("note\u0000", "workNotes")).toThrow(
      "Work notes contains a control character (U+0000); remove it and try again.",
    );
    expect(() => checkJournalBody("esc \u001b[2J", "comments")).toThrow(
      /^Additional comments contains a control character \(U\+001B\)/,
    );
    expect(checkJournalBody("tabs\tand\r\nnewlines", "comments")).toBe("tabs\tand\nnewlines");
  });
});
