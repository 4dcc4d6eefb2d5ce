import { describe, expect, it } from "vitest";
import { emailField, emailProblem, normalizeEmail } from "./email";
import { accountNameKey } from "./names";

const parse = (v: string) => emailField().safeParse(v);

describe("SET-2: emails are stored one way and lookalikes are refused", () => {
  it("SET-2: trimmed, NFKC and lower case — the same address in any spelling is one", () => {
    expect(normalizeEmail("  Carol@ACME.example ")).toBe("carol@acme.example");
    expect(normalizeEmail("ｃarol@acme.example")).toBe("carol@acme.example"); // full-width c
    expect(parse(" Carol@Acme.Example").data).toBe("carol@acme.example");
  });

  it("SET-2: an invisible or direction-changing character is refused, naming it", () => {
    for (const [text, code] of [
      ["car\u200bol@acme.example", "U+200B"],
      ["carol@acme\u202e.example", "U+202E"],
      ["car\u00adol@acme.example", "U+00AD"],
      ["carol\u2066@acme.example", "U+2066"],
      ["carol@ac\u200dme.example", "U+200D"],
    ])
      expect(emailProblem(normalizeEmail(text))).toBe(
        `Email contains an invisible or direction-changing character (${code}); type the address again without it.`,
      );
  });

  it("SET-2: a letter outside a–z that looks like one (Cyrillic а, Greek ο) is refused", () => {
    expect(parse("c\u0430rol@acme.example").error?.issues[0].message).toMatch(
      /"а" \(U\+0430\) is not one of them/,
    );
    expect(parse("carol@acme.ex\u03bfmple").success).toBe(false);
  });

  it("SET-2: what is not an address is refused with an example", () => {
    for (const bad of [
      "carol",
      "carol@",
      "@acme.example",
      "carol@acme",
      "car ol@acme.example",
      "a..b@acme.example",
    ])
      expect(parse(bad).error?.issues[0].message, bad).toBe(
        "Email must be an email address like name@example.com.",
      );
    expect(parse("").error?.issues[0].message).toBe("Email is required.");
    expect(parse("carol\u0000@acme.example").success).toBe(false);
  });

  it("SET-2: plain addresses with + . ' - pass", () => {
    for (const ok of ["o'brien@acme.example", "first.last+tag@sub.acme-corp.example", "x@y.co"])
      expect(emailProblem(ok), ok).toBeNull();
  });

  it("SET-2 / SET-3: account names match in any letter case and spacing", () => {
    expect(accountNameKey("  ACME   Corporation ")).toBe(accountNameKey("Acme Corporation"));
    expect(accountNameKey("Ａcme")).toBe("acme");
  });
});
