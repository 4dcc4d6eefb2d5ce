import { describe, expect, it } from "vitest";
import { clipText, hasLoneSurrogate, loneSurrogateAt, loneSurrogateMessage, wellFormedText } from "./unicode";

const parsed = (json: string): unknown => JSON.parse(json);

describe("lone UTF-16 surrogates in JSON (REL-8)", () => {
  it("REL-8: a lone high or low surrogate is found; a pair, an emoji and plain text are not", () => {
    expect(hasLoneSurrogate(parsed('"a\\ud800b"') as string)).toBe(true);
    expect(hasLoneSurrogate(parsed('"\\udfff"') as string)).toBe(true);
    expect(hasLoneSurrogate(parsed('"\\udc00\\ud800"') as string)).toBe(true); // low before high
    expect(hasLoneSurrogate(parsed('"\\ud83d\\ude00"') as string)).toBe(false);
    expect(hasLoneSurrogate("😀 café ✓")).toBe(false);
    // The rule is String.prototype.isWellFormed's (Node 20), spelled so the ES2023 types know it.
    for (const s of ["\ud800", "a\udbff", "\ud83d\ude00", "x"])
      expect(hasLoneSurrogate(s)).toBe(!(s as unknown as { isWellFormed(): boolean }).isWellFormed());
  });

  it("REL-8: the field holding one is named as the client wrote it, keys and nesting included", () => {
    expect(loneSurrogateAt(parsed('{"number":"CS1","short_description":"x\\ud800"}'))).toBe(
      "short_description",
    );
    expect(loneSurrogateAt(parsed('{"a":{"items":[1,"ok",{"name":"\\udc00"}]}}'))).toBe("a.items[2].name");
    expect(loneSurrogateAt(parsed('["CS0001001", null, "\\ud800"]'))).toBe("[2]");
    expect(loneSurrogateAt(parsed('{"short_description\\ud800":"fine"}'))).toBe("short_description\uFFFD");
    expect(loneSurrogateAt(parsed('"\\ud800"'))).toBe("");
    expect(loneSurrogateAt(parsed('{"a":"b","c":[1,2,{"d":"\\ud83d\\ude00"}]}'))).toBeNull();
    expect(loneSurrogateAt(null)).toBeNull();
  });

  it("REL-8: nesting deeper than any call stack is walked without overflowing", () => {
    const deep = parsed(`${"[".repeat(200_000)}"\\ud800"${"]".repeat(200_000)}`);
    expect(loneSurrogateAt(deep)).toMatch(/^(\[0\]){200000}$/);
  });

  it("REL-8: the message names the field, or the body when it is the whole value", () => {
    expect(loneSurrogateMessage("short_description")).toMatch(/^short_description holds a lone UTF-16/);
    expect(loneSurrogateMessage("")).toMatch(/^The body holds/);
  });
});

describe("text cut to a limit (REL-6)", () => {
  it("REL-6: a cut keeps surrogate pairs whole and its mark within the limit; no room for the mark, none", () => {
    expect(clipText("ab\u{1F600}", 3, "")).toBe("ab");
    expect(clipText("abcdef", 4, "…")).toBe("abc…");
    expect(clipText("abc", 1, "…)")).toBe("a");
    expect(clipText("abc", 3, "…")).toBe("abc");
    expect(wellFormedText("a\ud800b\u{1F600}")).toBe("a\ufffdb\u{1F600}");
  });
});
