// NOT-3 / REL-6: a follow-up ("forgot the log") delivered while the message it follows is still
// opening its case lands on that case: one sender's messages take turns (PostgreSQL advisory lock).
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { DOMAIN, rawMail } from "@/lib/testing/inbound";
import { makeCustomer, makeCase, makeAgent, unique } from "@/lib/testing/fixtures";
import { untilWaiting } from "@/lib/testing/locks";
import { receive } from "./receive";

const SUPPORT = `support@${DOMAIN}`;

/** A transaction holding the case number counter (every new case waits on it) until released. */
async function holdCaseNumbers() {
  await makeCase(await makeAgent()); // the counter exists
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const done = transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "NumberCounter" SET "value" = "value" WHERE "name" = 'case'`;
    held();
    await gate;
  });
  await holding;
  return async () => {
    release();
    await done;
  };
}

describe("a follow-up racing the message it follows (NOT-3, REL-6)", () => {
  it("NOT-3: a follow-up delivered while the first message is opening its case lands on that case, not a second one", async () => {
    const { contact } = await makeCustomer();
    const first = `<${unique("first")}@customer.example>`;
    const release = await holdCaseNumbers();
    let opening: Promise<unknown> | undefined;
    let following: Promise<unknown> | undefined;
    try {
      opening = receive(
        rawMail({
          from: contact.email,
          to: SUPPORT,
          subject: "VPN down",
          body: "Since 9:00.",
          messageId: first,
        }),
        "smtp",
      );
      await untilWaiting(1, opening); // the first message waits for a case number
      following = receive(
        rawMail({
          from: contact.email,
          to: SUPPORT,
          subject: "Re: VPN down",
          body: "Forgot: it is the Paris office.",
          inReplyTo: first,
        }),
        "smtp",
      );
      await untilWaiting(2, following);
    } finally {
      await release();
    }
    const [a, b] = await Promise.all([opening, following]);
    expect(a).toMatchObject({ status: "opened" });
    const caseId = (a as { caseId: number }).caseId;
    expect(b).toMatchObject({ status: "accepted", caseId });
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(1);
  });
});
