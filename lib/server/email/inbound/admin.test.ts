import { describe, expect, it } from "vitest";
import { makeAdmin, makeAgent, unique } from "@/lib/testing/fixtures";
import { caseWithCustomer, rawMail } from "@/lib/testing/inbound";
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
    await expect(listInbox(await makeAgent(), {})).rejects.toThrow(/Only administrators/);
  });
});
