import { describe, expect, it } from "vitest";
import { describeProblem, renderTemplate, templateProblems } from "./template";

const allowed = ["case.number", "case.short_description", "portal_link"];

describe("case email templates (NOT-1)", () => {
  it("NOT-1: placeholders are replaced, with or without spaces inside the braces", () => {
    expect(
      renderTemplate("Case {{case.number}}: {{ case.short_description }}", {
        "case.number": "CS0001001",
        "case.short_description": "VPN down",
      }),
    ).toBe("Case CS0001001: VPN down");
  });

  it("NOT-1: a value is inserted as it is — never expanded as a placeholder again", () => {
    const out = renderTemplate("{{case.short_description}} / {{case.number}}", {
      "case.short_description": "{{case.number}} <b>x</b>",
      "case.number": "CS1",
    });
    expect(out).toBe("{{case.number}} <b>x</b> / CS1");
  });

  it("NOT-1: an unknown placeholder is named, once, and a malformed one is refused", () => {
    expect(templateProblems("Hi {{case.numbr}} {{case.numbr}} {{case.number}}", allowed)).toEqual([
      { kind: "unknown", name: "case.numbr" },
    ]);
    expect(templateProblems("{{case.number}", allowed)).toEqual([{ kind: "malformed", text: "{{" }]);
    expect(templateProblems("done }}", allowed)).toEqual([{ kind: "malformed", text: "}}" }]);
    expect(templateProblems("{{ Case Number }}", allowed)).toEqual([
      { kind: "malformed", text: "{{ Case Number }}" },
    ]);
    expect(templateProblems("Plain { braces } and {{portal_link}}", allowed)).toEqual([]);
    expect(describeProblem({ kind: "unknown", name: "x.y" })).toBe("Unknown placeholder {{x.y}}.");
  });
});
