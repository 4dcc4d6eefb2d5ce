// REL-6: an email whose text holds half a UTF-16 pair — a UTF-16 encoded word decoded by the MIME
// library, or an emoji where a subject, description or reply is cut — is stored (the half made
// U+FFFD, no cut inside a pair). Before, the database refused the text: the whole message failed
// with a 500, the SMTP listener answered 451, and the sender retried for days, never in the inbox.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hasLoneSurrogate } from "@/lib/domain/unicode";
import { makeCustomer } from "@/lib/testing/fixtures";
import { caseWithCustomer, comments, DOMAIN, rawMail } from "@/lib/testing/inbound";
import { receive } from "./receive";

const emoji = "\u{1F600}";

describe("email text that is not well-formed UTF-16 (REL-6)", () => {
  it("REL-6 / NOT-3: a new email with a UTF-16 encoded subject and an emoji at the cut opens its case", async () => {
    const { contact } = await makeCustomer();
    // Subject: a lone leading surrogate then "A" (UTF-16LE 00 D8 41 00), then an emoji at 160.
    const raw = rawMail({
      from: contact.email,
      to: `support@${DOMAIN}`,
      subject: "=?utf-16le?B?ANhBAA==?=",
      body: `${"b".repeat(7_998)}${emoji} and more`,
    });
    const out = await receive(raw, "smtp");
    expect(out).toMatchObject({ status: "opened" });
    const c = await db().case.findUniqueOrThrow({ where: { id: out.status === "opened" ? out.caseId : 0 } });
    expect(c.shortDescription).toBe("\ufffdA");
    expect(hasLoneSurrogate(c.description ?? "")).toBe(false);
    expect(c.description?.endsWith("…")).toBe(true);
  });

  it("REL-6 / PRO-5: a reply longer than the journal limit with an emoji at the cut becomes its comment", async () => {
    const { c, contact, address } = await caseWithCustomer();
    const body = `${"r".repeat(9_998)}${emoji}${"s".repeat(50)}`;
    const out = await receive(rawMail({ from: contact.email, to: address, body }), "smtp");
    expect(out).toMatchObject({ status: "accepted", caseId: c.id });
    const [comment] = await comments(c.id);
    expect(comment.body).toBe(`${"r".repeat(9_998)}…`);
  });
});
