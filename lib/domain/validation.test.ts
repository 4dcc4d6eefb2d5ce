// REL-1: every shared validator refuses bad input with a message that names its field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { refusal } from "@/lib/testing/refusal";
import {
  controlCharacterIn,
  decodeParam,
  recordNumberParam,
  formObject,
  formText,
  numberChoice,
  optionalDate,
  optionalId,
  optionalNumberChoice,
  optionalStringChoice,
  optionalText,
  parseOrThrow,
  recordNumber,
  requiredLine,
  requiredText,
  searchText,
  stringChoice,
  versionField,
  listPage,
} from "./validation";

const choices = [
  { value: 1, label: "1 - High" },
  { value: 2, label: "2 - Low" },
];
const codes = [{ value: "fixed", label: "Fixed" }];

/** The message the schema gives for field `f` when it holds `value`. */
const messageFor = (schema: z.ZodType, value: unknown) =>
  refusal(() => parseOrThrow(z.object({ f: schema }), { f: value })).fields?.f;

describe("shared validators name their field (REL-1)", () => {
  it("REL-1: text refuses U+0000 and other control characters, naming the field; tab and newlines pass", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001b[31m", "\u007f", "\u0085"]) {
      expect(messageFor(requiredText("Short description", 160), bad)).toMatch(
        /^Short description contains a control character \(U\+00[0-9A-F]{2}\)/,
      );
      expect(messageFor(optionalText("Description", 8000), bad)).toMatch(/^Description contains a control/);
    }
    expect(parseOrThrow(optionalText("Description", 100), "line 1\r\n\tline 2")).toBe("line 1\r\n\tline 2");
    expect(controlCharacterIn("a\u0000")).toBe("U+0000");
    expect(controlCharacterIn("é ü 日本 🙂")).toBeNull();
  });

  it("REL-1 / SET-2: a name is one line: a tab or line break inside it is refused, naming it; around it, trimmed", () => {
    const name = requiredLine("Name", 100);
    expect(messageFor(name, "Tab\tCo")).toBe("Name must be one line: remove a tab (U+0009).");
    expect(messageFor(name, "Multi\nLine")).toBe("Name must be one line: remove a line break (U+000A).");
    expect(messageFor(name, "A\r\nB")).toBe("Name must be one line: remove a line break (U+000D).");
    expect(messageFor(name, "A\u2028B")).toBe("Name must be one line: remove a line break (U+2028).");
    expect(messageFor(name, "x\u0000")).toMatch(/^Name contains a control character \(U\+0000\)/);
    expect(messageFor(name, " \n ")).toBe("Name is required.");
    expect(parseOrThrow(name, "  Acme Corporation\n")).toBe("Acme Corporation");
  });

  it("REL-1: text that is not text, missing or too long is named", () => {
    expect(messageFor(requiredText("Short description", 5), 42)).toBe("Short description must be text.");
    expect(messageFor(requiredText("Short description", 5), { a: 1 })).toBe(
      "Short description must be text.",
    );
    expect(messageFor(requiredText("Short description", 5), "   ")).toBe("Short description is required.");
    // API-3: a body without the field (a Table API POST) is told it is required, not the wrong type.
    expect(messageFor(requiredText("Short description", 5), undefined)).toBe(
      "Short description is required.",
    );
    expect(messageFor(optionalText("Notes", 5), "123456")).toBe(
      "Notes must be at most 5 characters (it has 6).",
    );
  });

  it("REL-1: a bad reference names its field (not 'Invalid input')", () => {
    for (const bad of ["abc", "1.5", "-3", "0", "2147483648", { id: 1 }, ["1"], true, "1\u0000"])
      expect(messageFor(optionalId("Account"), bad), JSON.stringify(bad)).toBe(
        "Account is not a valid reference.",
      );
    expect(parseOrThrow(z.object({ f: optionalId("Account") }), { f: "" })).toEqual({ f: null });
    expect(parseOrThrow(z.object({ f: optionalId("Account") }), { f: "7" })).toEqual({ f: 7 });
    expect(parseOrThrow(z.object({ f: optionalId("Account") }), {})).toEqual({});
  });

  it("REL-1: bad choices name their field and the allowed values", () => {
    for (const bad of ["9", "abc", { v: 1 }, [1]]) {
      expect(messageFor(numberChoice("Priority", choices), bad)).toBe(
        "Priority must be one of: 1 - High, 2 - Low.",
      );
      expect(messageFor(optionalNumberChoice("On hold reason", choices), bad)).toBe(
        "On hold reason must be one of: 1 - High, 2 - Low.",
      );
    }
    expect(messageFor(numberChoice("Priority", choices), "")).toBe("Priority is required.");
    for (const bad of ["nope", 5, { v: 1 }]) {
      expect(messageFor(stringChoice("Channel", codes), bad)).toBe("Channel must be one of: Fixed.");
      expect(messageFor(optionalStringChoice("Close code", codes), bad)).toBe(
        "Close code must be one of: Fixed.",
      );
    }
    expect(messageFor(stringChoice("Channel", codes), undefined)).toBe("Channel is required.");
    expect(parseOrThrow(z.object({ f: optionalStringChoice("Close code", codes) }), { f: "" })).toEqual({
      f: null,
    });
  });

  it("REL-1: dates outside 1900-01-01 … 2200-12-31, or not dates, are refused naming the field", () => {
    const planned = optionalDate("Planned start");
    for (const bad of [
      "-271821-04-20T00:00:00.000Z",
      "+275760-09-13T00:00:00.000Z",
      "1899-12-31T23:59:59Z",
      "2201-01-01",
    ])
      expect(messageFor(planned, bad), bad).toBe("Planned start must be between 1900-01-01 and 2200-12-31.");
    for (const bad of [
      "tomorrow",
      "2026-13-45",
      "2026-12-01T10:00:00Z\u0000",
      "2026-12-01 junk",
      12,
      { d: 1 },
    ])
      expect(messageFor(planned, bad), JSON.stringify(bad)).toBe(
        "Planned start is not a valid date and time.",
      );
    expect(parseOrThrow(z.object({ f: planned }), { f: "2026-11-22T10:00:00Z" }).f).toEqual(
      new Date("2026-11-22T10:00:00Z"),
    );
    expect(parseOrThrow(z.object({ f: planned }), { f: "" })).toEqual({ f: null });
    expect(parseOrThrow(z.object({ f: planned }), { f: "2026-12-01T10:30" }).f).toBeInstanceOf(Date);
    expect(parseOrThrow(z.object({ f: planned }), { f: "2026-12-01T10:30:00+01:00" }).f).toEqual(
      new Date("2026-12-01T09:30:00Z"),
    );
  });

  it("REL-1: a date and time without a zone is UTC whatever the server's zone (forms send it so)", () => {
    const planned = z.object({ f: optionalDate("Planned start") });
    const before = process.env.TZ;
    process.env.TZ = "America/New_York"; // Node applies a changed TZ at once
    try {
      expect(new Date(2026, 11, 1).getTimezoneOffset()).toBe(300);
      for (const text of ["2026-12-01T10:30", "2026-12-01 10:30", "2026-12-01T10:30:00"])
        expect(parseOrThrow(planned, { f: text }).f, text).toEqual(new Date("2026-12-01T10:30:00Z"));
      expect(parseOrThrow(planned, { f: "2026-12-01" }).f).toEqual(new Date("2026-12-01T00:00:00Z"));
      expect(parseOrThrow(planned, { f: "2026-12-01T10:30-05:00" }).f).toEqual(
        new Date("2026-12-01T15:30:00Z"),
      );
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("REL-1: versions that are not positive 32-bit integers are refused", () => {
    for (const bad of ["abc", "0", "1.5", "1e12", { v: 1 }, ""])
      expect(messageFor(versionField, bad), JSON.stringify(bad)).toMatch(/version/);
    expect(parseOrThrow(versionField, "3")).toBe(3);
  });

  it("REL-1: formObject and formText refuse what is not a form; formText refuses control characters by name", () => {
    for (const bad of [{ workNotes: "x" }, "text", null, [1], 42])
      expect(refusal(() => formObject(bad))).toMatchObject({ kind: "invalid", field: "form" });
    const f = new FormData();
    f.set("businessImpact", "all\u0000down");
    expect(refusal(() => formText(f, "businessImpact"))).toMatchObject({
      field: "businessImpact",
      message: "Business impact contains a control character (U+0000); remove it and try again.",
    });
    expect(formText(f, "missing")).toBe("");
  });

  it("REL-1: a bound record number that is not a number-shaped string is 'not found'", () => {
    for (const bad of [{}, 42, ["CS0001001"], null, "CS\u0000", "x".repeat(41), "../etc", ""])
      expect(refusal(() => recordNumber(bad)).kind, JSON.stringify(bad)).toBe("not_found");
    expect(recordNumber("CS0001001")).toBe("CS0001001");
  });

  it("REL-1: a malformed path segment decodes to null instead of throwing", () => {
    expect(decodeParam("%E0%A4%A")).toBeNull();
    expect(decodeParam("%")).toBeNull();
    expect(decodeParam("CS0001001")).toBe("CS0001001");
    expect(decodeParam("caf%C3%A9")).toBe("café");
  });

  it("REC-1: a record number in a page's path is read in capitals; anything else is left as it is", () => {
    expect(recordNumberParam("cs0001001")).toBe("CS0001001");
    expect(recordNumberParam("Inc0010001")).toBe("INC0010001");
    expect(recordNumberParam("CS0001001")).toBe("CS0001001");
    expect(recordNumberParam("caf%C3%A9")).toBe("café");
    expect(recordNumberParam("cs-1")).toBe("cs-1");
    expect(recordNumberParam("%")).toBeNull();
  });
});

describe("list search text (REL-8)", () => {
  it("REL-8: a search text is cut at 100 characters between characters, never inside an emoji", () => {
    const cut = searchText(`  ${"a".repeat(99)}\u{1F600}b  `);
    expect(cut).toBe("a".repeat(99));
    expect(searchText(`${"a".repeat(98)}\u{1F600}b`)).toBe(`${"a".repeat(98)}\u{1F600}`);
    expect(searchText(" x\u0000y ")).toBe("xy");
    expect(searchText(42)).toBe("");
  });
});

describe("list page numbers (REL-1)", () => {
  it("REL-1: a page number from a URL is a whole number in 1…100,000, whatever arrives", () => {
    expect([
      listPage(3),
      listPage("7"),
      listPage(2.9),
      listPage(undefined),
      listPage("abc"),
      listPage(-4),
    ]).toEqual([3, 7, 2, 1, 1, 1]);
    expect([listPage(1e300), listPage("1e300"), listPage(Infinity), listPage(NaN)]).toEqual([
      100_000, 100_000, 1, 1,
    ]);
  });
});
