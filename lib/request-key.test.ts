import { afterEach, describe, expect, it, vi } from "vitest";
import { journalPostSchema } from "./domain/cases/schemas";
import { inviteSchema } from "./domain/directory/schemas";
import { portalReplySchema } from "./domain/portal/schemas";
import { notifySchema } from "./domain/proactive/notify";
import { requestKeySchema } from "./domain/validation";
import { newRequestKey } from "./request-key";

/** Every schema a form's key goes through: the key must pass the strictest (32 lowercase hex). */
function acceptedEverywhere(key: string) {
  expect(key).toMatch(/^[0-9a-f]{32}$/);
  expect(inviteSchema.parse({ userId: "1", requestKey: key }).requestKey).toBe(key);
  expect(requestKeySchema.parse(key)).toBe(key);
  expect(journalPostSchema.parse({ idempotencyKey: key }).idempotencyKey).toBe(key);
  expect(portalReplySchema.parse({ reply: "Thanks", idempotencyKey: key }).idempotencyKey).toBe(key);
  expect(notifySchema.parse({ cases: "CS0000001", message: "Fixed", requestId: key }).requestId).toBe(key);
}

describe("request keys (SYNC-3, FSM-1, SET-4: one key per submission; PERF-8)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("PERF-8: from randomUUID where there is one: 32 hex digits, every form's schema takes it", () => {
    const uuid = vi.spyOn(crypto, "randomUUID");
    const key = newRequestKey();
    expect(uuid).toHaveBeenCalledTimes(1);
    acceptedEverywhere(key);
  });

  it("SYNC-3: 10,000 keys are all different", () => {
    const keys = new Set(Array.from({ length: 10_000 }, newRequestKey));
    expect(keys.size).toBe(10_000);
  });

  it("SET-4: without randomUUID (a plain-HTTP intranet page) the same shape from getRandomValues", () => {
    const real = crypto;
    const getRandomValues = vi.fn((bytes: Uint8Array) => real.getRandomValues(bytes));
    vi.stubGlobal("crypto", { getRandomValues });
    const [a, b] = [newRequestKey(), newRequestKey()];
    expect(getRandomValues).toHaveBeenCalledTimes(2);
    acceptedEverywhere(a);
    acceptedEverywhere(b);
    expect(a).not.toBe(b);
  });
});
