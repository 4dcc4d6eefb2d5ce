import { describe, expect, it } from "vitest";
import { emailProblem } from "../directory/email";
import { signInSchema } from "./schemas";

const signIn = (email: string) => signInSchema.safeParse({ email, password: "secret" });

describe("sign-in input (SET-2, SET-4)", () => {
  it("SET-2: every address the directory stores passes sign-in's check (r&d@, a punycode domain)", () => {
    for (const email of [
      "r&d@acme.example",
      "o'brien+cases@example.com",
      "ivan@example.xn--p1ai",
      "a{b}|c~@x.example",
    ]) {
      expect(emailProblem(email)).toBeNull();
      expect(signIn(email).success, email).toBe(true);
    }
  });

  it("SET-2: what the directory refuses is refused with one message, before any password is checked", () => {
    for (const email of ["no-at-sign", "a@b", "name@exam_ple.com", "ab@example.com\u202e"]) {
      const parsed = signIn(email);
      expect(parsed.success, email).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("Enter a valid email address.");
    }
    expect(signIn("  ").error?.issues[0].message).toBe("Enter your email.");
  });
});
