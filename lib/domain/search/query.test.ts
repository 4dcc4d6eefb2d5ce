import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/refusal";
import { ftsMatch, SEARCH_MAX_WORDS, searchQuery, searchWords, tsQuery } from "./query";

describe("global search text (WRK-5)", () => {
  it("WRK-5: the text is trimmed; nothing, or blanks, is an empty search", () => {
    expect(searchQuery("  vpn fails ")).toBe("vpn fails");
    expect(searchQuery(undefined)).toBe("");
    expect(searchQuery(null)).toBe("");
    expect(searchQuery("   ")).toBe("");
  });

  it("WRK-5: over 100 characters, a control character or not text is refused on the field q", () => {
    expect(refusal(() => searchQuery("x".repeat(101)))).toMatchObject({
      kind: "invalid",
      field: "q",
      message: "Search must be at most 100 characters (it has 101).",
    });
    expect(searchQuery(` ${"x".repeat(100)} `)).toHaveLength(100);
    expect(refusal(() => searchQuery("vpn\u0000"))).toMatchObject({
      kind: "invalid",
      field: "q",
      message: "Search contains a control character (U+0000); remove it and try again.",
    });
    expect(refusal(() => searchQuery("a\u001bb"))).toMatchObject({ field: "q" });
    expect(refusal(() => searchQuery(["a"]))).toMatchObject({ field: "q", message: "Search must be text." });
  });

  it("WRK-5: words are runs of letters and digits, folded to lower case, each at least two long", () => {
    expect(searchWords("CS0001001")).toEqual(["cs0001001"]);
    expect(searchWords("Printer  FAILS, again!")).toEqual(["printer", "fails", "again"]);
    expect(searchWords("john.doe@acme.example")).toEqual(["john", "doe", "acme", "example"]);
    expect(searchWords("Windows 7 a b")).toEqual(["windows"]);
    // As stored: full-width letters stay full-width, a ligature a ligature (neither index folds them).
    expect(searchWords("Müller ＡＢＣ Proﬁle")).toEqual(["müller", "ａｂｃ", "proﬁle"]);
    // A final sigma is lower-cased as any sigma, as both indexes do ("ς" found nothing).
    expect(searchWords("ΟΔΟΣ ΑΘΗΝΑΣ")).toEqual(["οδοσ", "αθηνασ"]);
    // Decomposed input (as some keyboards send it) is composed: "é" one character.
    expect(searchWords("Cafe\u0301 bar")).toEqual(["café", "bar"]);
    expect(searchWords("vpn VPN Vpn")).toEqual(["vpn"]);
    // "İ" lower-cases to "i" and a combining dot: one word, not "i" and "stanbul".
    expect(searchWords("İstanbul İZMİR")).toEqual(["istanbul", "izmir"]);
  });

  it("WRK-5: operators of either query language are plain words or separators, never operators", () => {
    const typed = `100% _under_ "quoted" it's * NEAR(a b) -minus col:on AND OR NOT ^x \\ ' ; -- /*`;
    const words = searchWords(typed);
    expect(words).toEqual(["100", "under", "quoted", "it", "near", "minus"]);
    expect(words.length).toBeLessThanOrEqual(SEARCH_MAX_WORDS);
    for (const w of words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(searchWords(`col:on AND OR NOT`)).toEqual(["col", "on", "and", "or", "not"]);
  });

  it("WRK-5: FTS5 gets each word as a quoted prefix term, all required", () => {
    expect(ftsMatch(["prin", "fail"])).toBe(`"prin"* AND "fail"*`);
    expect(ftsMatch(["near", "not"])).toBe(`"near"* AND "not"*`);
    expect(ftsMatch([`a"b`])).toBe(`"a""b"*`); // defence in depth: words never hold quotes
  });

  it("WRK-5: PostgreSQL gets each word as a quoted prefix lexeme, all required", () => {
    expect(tsQuery(["prin", "fail"])).toBe(`'prin':* & 'fail':*`);
    expect(tsQuery([`o'b\\`])).toBe(`'o''b\\\\':*`);
  });
});
