import { describe, expect, it, vi } from "vitest";
import { invalid } from "@/lib/domain/errors";
import { requestContext } from "../../scripts/ops/request-log.mjs";
import { statusOf, toFailure } from "./errors";

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code });

describe("toFailure (one place maps errors)", () => {
  it("REL-1: a domain error keeps its message and field", () => {
    expect(toFailure(invalid("state", "State is wrong."))).toEqual({
      ok: false,
      kind: "invalid",
      message: "State is wrong.",
      fieldErrors: { state: "State is wrong." },
    });
  });

  it("REL-1: Prisma's expected codes are clear 4xx answers; P2029 (too many bound values) is a 400", () => {
    expect(statusOf(toFailure(prismaError("P2002")))).toBe(409);
    expect(statusOf(toFailure(prismaError("P2025")))).toBe(404);
    expect(statusOf(toFailure(prismaError("P2003")))).toBe(400);
    const tooMany = toFailure(prismaError("P2029"));
    expect(statusOf(tooMany)).toBe(400);
    expect(tooMany.message).toMatch(/Narrow it/);
  });

  it("REL-1: anything else is logged and shown as the generic message, never its text", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const f = toFailure(new Error("secret stack detail"));
    expect(statusOf(f)).toBe(500);
    expect(f.message).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("OPS-3: an unexpected error's log line names the request's id (its X-Request-Id), so the two can be matched", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    requestContext.run({ reqId: "req-ops3-1" }, () => toFailure(new Error("boom"), "saveCase"));
    expect(log).toHaveBeenCalledWith(
      "[caseflow] unexpected error in saveCase (request req-ops3-1):",
      expect.any(Error),
    );
    log.mockRestore();
  });
});
