import { describe, expect, it } from "vitest";
import { CredentialsSignin, AuthError } from "next-auth";
import { LinkSignin, ThrottledSignin } from "@/lib/auth";
import { logAuthError } from "./auth-log";

const logged = (error: Error) => {
  const lines: unknown[][] = [];
  logAuthError(error, (...parts) => lines.push(parts));
  return lines;
};

describe("next-auth's errors in the log (OPS-3, REL-5)", () => {
  it("OPS-3: a refused sign-in (wrong password, throttled, a used link) is not logged as an error", () => {
    expect(logged(new CredentialsSignin())).toEqual([]);
    expect(logged(new ThrottledSignin("retry in 3s"))).toEqual([]);
    expect(logged(new LinkSignin())).toEqual([]);
  });

  it("OPS-3: any other error is logged once, with its cause", () => {
    const cause = { err: new Error("database down") };
    const lines = logged(new AuthError("callback failed", { cause }));
    expect(lines).toHaveLength(1);
    expect(String(lines[0][0])).toMatch(/^\[auth\]\[error\] \w+: callback failed/);
    expect(lines[0][1]).toBe(cause);
    expect(logged(new Error("boom"))[0][0]).toBe("[auth][error] Error: boom");
  });
});
