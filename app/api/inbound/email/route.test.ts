// POST /api/inbound/email (PRO-5): bearer API token of an active administrator, raw message body.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { createApiToken } from "@/lib/server/auth/api-token";
import { INTERNAL_HEADER } from "@/lib/server/inbound-mail/internal";
import { makeAdmin, makeAgent, makeUser } from "@/lib/testing/fixtures";
import { caseWithCustomer, comments, rawMail } from "@/lib/testing/inbound";
import * as receiving from "@/lib/server/inbound-mail/receive";
import { POST } from "./route";

async function post(raw: Buffer | string, headers: Record<string, string> = {}) {
  const res = await POST(
    new NextRequest("http://localhost/api/inbound/email", {
      method: "POST",
      body: typeof raw === "string" ? raw : new Uint8Array(raw),
      headers,
      duplex: "half",
    } as never),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("POST /api/inbound/email", () => {
  it("PRO-5: an administrator's token posts a reply; it lands on the case", async () => {
    const admin = await makeAdmin();
    const { token } = await createApiToken(admin.email);
    const { c, contact, address } = await caseWithCustomer();
    const res = await post(rawMail({ from: contact.email, to: address }), bearer(token));
    expect(res).toMatchObject({ status: 200, json: { status: "accepted", case: c.number } });
    expect(await comments(c.id)).toHaveLength(1);
    const forged = await post(rawMail({ from: "x@evil.example", to: address }), bearer(token));
    expect(forged).toMatchObject({ status: 200, json: { status: "refused", reason: "sender_mismatch" } });
    expect(await post("\u0000garbage", bearer(token))).toMatchObject({ status: 400 });
    expect(await post("", bearer(token))).toMatchObject({ status: 400 });
  });

  it("REL-6: a 20 MB body is refused with 413 and recorded from its headers", async () => {
    const admin = await makeAdmin();
    const { token } = await createApiToken(admin.email);
    const { contact, address } = await caseWithCustomer();
    const big = rawMail({ from: contact.email, to: address, body: "y".repeat(20 * 1024 * 1024) });
    const res = await post(big, bearer(token));
    expect(res).toMatchObject({ status: 413, json: { reason: "too_large" } });
    const row = await db().inboundMessage.findFirst({ where: { fromAddress: contact.email } });
    expect(row).toMatchObject({ status: "refused", reason: "too_large", receivedVia: "api" });
  });

  it("REL-3: no token, an unknown or revoked token, an inactive user → 401; a non-admin's token → 403; nothing written", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const mail = () => rawMail({ from: contact.email, to: address });
    expect((await post(mail())).status).toBe(401);
    expect((await post(mail(), bearer("cf_not-a-token"))).status).toBe(401);
    const admin = await makeAdmin();
    const revoked = await createApiToken(admin.email);
    await db().apiToken.updateMany({ where: { userId: admin.id }, data: { revokedAt: new Date() } });
    expect((await post(mail(), bearer(revoked.token))).status).toBe(401);
    const gone = await makeUser([ROLE.admin]);
    const inactive = await createApiToken(gone.email);
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    expect((await post(mail(), bearer(inactive.token))).status).toBe(401);
    const agent = await makeAgent();
    const agentToken = await createApiToken(agent.email);
    expect(await post(mail(), bearer(agentToken.token))).toMatchObject({ status: 403 });
    expect(await comments(c.id)).toEqual([]);
  });

  it("PRO-5: the server's own SMTP listener is let in by its process-local secret, as via smtp", async () => {
    const { c, contact, address } = await caseWithCustomer();
    process.env.INBOUND_SMTP_SECRET = "x".repeat(43);
    const secret = { [INTERNAL_HEADER]: "x".repeat(43) };
    try {
      // A secret alone (say, left in .env) is not enough: only scripts/server.mjs sets the marker.
      expect((await post(rawMail({ from: contact.email, to: address }), secret)).status).toBe(401);
      process.env.CASEFLOW_SMTP_LISTENER = "1";
      expect(
        (await post(rawMail({ from: contact.email, to: address }), { [INTERNAL_HEADER]: "wrong" })).status,
      ).toBe(401);
      const res = await post(rawMail({ from: contact.email, to: address }), {
        [INTERNAL_HEADER]: "x".repeat(43),
      });
      expect(res).toMatchObject({ status: 200, json: { status: "accepted", case: c.number } });
      const row = await db().inboundMessage.findFirstOrThrow({ where: { caseId: c.id } });
      expect(row.receivedVia).toBe("smtp");
    } finally {
      delete process.env.INBOUND_SMTP_SECRET;
      delete process.env.CASEFLOW_SMTP_LISTENER;
    }
  });

  it("PRO-5 / NOT-3: when no database connection comes free in time, the answer is 503 with Retry-After (a gateway retries), not 500", async () => {
    const admin = await makeAdmin();
    const { token } = await createApiToken(admin.email);
    const busy = Object.assign(
      new Error("Transaction API error: Unable to start a transaction in the given time."),
      {
        code: "P2028",
      },
    );
    const spy = vi.spyOn(receiving, "receive").mockRejectedValueOnce(busy);
    try {
      const res = await POST(
        new NextRequest("http://localhost/api/inbound/email", {
          method: "POST",
          body: new Uint8Array(rawMail({ from: "someone@example.com", to: "support@caseflow.localhost" })),
          headers: bearer(token),
        }),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
    } finally {
      spy.mockRestore();
    }
  });
});
