import { describe, expect, it } from "vitest";
import { makeAdmin, makeAgent, makeItil, unique } from "@/lib/testing/fixtures";
import { caseWithCustomer, DOMAIN, rawMail } from "@/lib/testing/inbound";
import { listInbox } from "./admin";
import { receive } from "./receive";

describe("/admin/inbox (PRO-5, REL-6)", () => {
  it("REL-6: admins see accepted messages with their case and refused ones with the reason; others are refused", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const subject = unique("Subject ");
    await receive(rawMail({ from: contact.email, to: address, subject }), "smtp");
    await receive(rawMail({ from: "forged@evil.example", to: address, subject }), "api");
    const admin = await makeAdmin();
    const accepted = await listInbox(admin, { status: "accepted" });
    expect(accepted.rows.find((r) => r.subject === subject)).toMatchObject({
      caseNumber: c.number,
      receivedVia: "smtp",
      deliveries: 1,
    });
    const refused = await listInbox(admin, { status: "refused" });
    expect(refused.rows.find((r) => r.subject === subject)).toMatchObject({
      reason: "sender_mismatch",
      fromAddress: "forged@evil.example",
    });
    await expect(listInbox(await makeItil(), {})).rejects.toThrow(/Only administrators/);
  });

  it("NOT-3: agents see only the messages held from unknown senders, whatever the filter", async () => {
    const subject = unique("Held ");
    await receive(
      rawMail({ from: `${unique("x")}@nobody.example`, to: `support@${DOMAIN}`, subject }),
      "api",
    );
    const box = await listInbox(await makeAgent(), { status: "refused" });
    expect(box.status).toBe("held");
    expect(box.rows.every((r) => r.status === "held")).toBe(true);
    expect(box.rows.find((r) => r.subject === subject)).toMatchObject({ reason: "unknown_sender" });
    expect(Object.keys(box.counts)).toEqual(["held"]);
  });
});
