import { describe, expect, it } from "vitest";
import { passwordChangeSchema, passwordProblem, setPasswordSchema } from "./password";
import { isTokenShaped, linkState, LINK_LIFETIME_MS } from "./password-links";

describe("SET-4: the password rules", () => {
  it("SET-4: at least 12 characters, with a message that says how many it has", () => {
    expect(passwordProblem("short-pass1", "a@b.co")).toBe(
      "New password must be at least 12 characters (it has 11).",
    );
    expect(passwordProblem("long-enough-1", "a@b.co")).toBeNull();
  });

  it("SET-4 / REL-5: a password of spaces only is refused; spaces at its ends do not count towards its length", () => {
    expect(passwordProblem(" ".repeat(14), "a@b.co")).toBe("New password cannot be only spaces.");
    expect(passwordProblem("\u00a0".repeat(14), "a@b.co")).toBe("New password cannot be only spaces.");
    expect(passwordProblem("   short-pass1   ", "a@b.co")).toBe(
      "New password must be at least 12 characters (it has 11, not counting spaces at its start and end).",
    );
    expect(passwordProblem("correct horse battery", "a@b.co")).toBeNull(); // spaces inside count
  });

  it("SET-4: never the demo password, never the email", () => {
    expect(passwordProblem("demo", "a@b.co")).toBe(
      "New password cannot be the demo password; choose your own.",
    );
    expect(passwordProblem(" DEMO ", "a@b.co")).toMatch(/demo password/);
    expect(passwordProblem("Carol@Acme.example", "carol@acme.example")).toBe(
      "New password cannot be your email address.",
    );
  });

  it("SET-4: /set-password needs the two fields to match; each rule names its field", () => {
    const schema = setPasswordSchema("carol@acme.example");
    expect(
      schema.safeParse({ newPassword: "long-enough-1", confirmPassword: "long-enough-2" }).error?.issues[0],
    ).toMatchObject({
      path: ["confirmPassword"],
      message: "Confirm password does not match the new password.",
    });
    expect(schema.safeParse({ newPassword: "", confirmPassword: "" }).error?.issues[0].message).toBe(
      "New password is required.",
    );
    expect(schema.safeParse({ newPassword: "long-enough-1", confirmPassword: "long-enough-1" }).success).toBe(
      true,
    );
  });

  it("REL-5 / SET-4: Change password applies the same rules", () => {
    const r = passwordChangeSchema("carol@acme.example").safeParse({
      currentPassword: "x",
      newPassword: "carol@acme.example",
      confirmPassword: "carol@acme.example",
    });
    expect(r.error?.issues[0].message).toBe("New password cannot be your email address.");
  });
});

describe("SET-1 / SET-4: links", () => {
  it("SET-1 / SET-4: a setup link lasts 24 hours, an invitation 7 days; used or expired links do not work", () => {
    expect(LINK_LIFETIME_MS.setup).toBe(24 * 3600_000);
    expect(LINK_LIFETIME_MS.invite).toBe(7 * 24 * 3600_000);
    const now = new Date("2026-11-23T12:00:00Z");
    expect(linkState({ usedAt: null, expiresAt: new Date("2026-11-23T12:00:01Z") }, now)).toBe("valid");
    expect(linkState({ usedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(linkState({ usedAt: now, expiresAt: new Date("2027-01-01") }, now)).toBe("used");
  });

  it("SET-4: only a 43-character base64url text can be a token", () => {
    expect(isTokenShaped("a".repeat(43))).toBe(true);
    expect(isTokenShaped("a".repeat(42))).toBe(false);
    expect(isTokenShaped(`${"a".repeat(42)}=`)).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
  });
});
