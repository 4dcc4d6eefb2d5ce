import { describe, expect, it } from "vitest";
import { automaticHeaders, isAutomaticMessage } from "./automatic";

const headers = (h: Partial<Record<string, string>>) => (name: string) => h[name];

describe("automatic mail (REL-6)", () => {
  it("REL-6: every email we send says it is automatic; an answer to a received message is auto-replied", () => {
    expect(automaticHeaders({ inReplyTo: null })).toEqual({
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
    });
    expect(automaticHeaders({ inReplyTo: "<m1@customer.example>" })["Auto-Submitted"]).toBe("auto-replied");
  });

  it("REL-6: auto-responders are recognised by RFC 3834 and by the headers of those without it", () => {
    for (const h of [
      { "auto-submitted": "auto-replied" },
      { "auto-submitted": "Auto-Generated" },
      { precedence: "bulk" },
      { precedence: "auto_reply" },
      { "x-autoreply": "yes" },
      { "x-autorespond": "Out of office" },
      { "x-auto-reply": "" },
      { "x-autoresponder": "1" },
    ])
      expect(isAutomaticMessage(headers(h)), JSON.stringify(h)).toBe(true);
    // A person's mail redirected by an Exchange inbox rule (a shared mailbox to support) is no responder's.
    const redirected = { "x-ms-exchange-inbox-rules-loop": "helpdesk@customer.example" };
    for (const h of [
      {},
      { "auto-submitted": "no" },
      { precedence: "first-class" },
      { "x-autoreply": "no" },
      redirected,
    ])
      expect(isAutomaticMessage(headers(h)), JSON.stringify(h)).toBe(false);
  });

  it("REL-6: a report (a bounce, a read receipt) or mail from a MAILER-DAEMON is automatic, without those headers", () => {
    const none = headers({});
    expect(isAutomaticMessage(none, { contentType: "multipart/report", from: "x@customer.example" })).toBe(
      true,
    );
    expect(isAutomaticMessage(none, { contentType: "text/plain", from: "MAILER-DAEMON@mx.example" })).toBe(
      true,
    );
    expect(isAutomaticMessage(none, { contentType: "multipart/mixed", from: "pat@customer.example" })).toBe(
      false,
    );
    expect(
      isAutomaticMessage(none, { contentType: "text/plain", from: "x@mx.example", returnPath: "" }),
    ).toBe(true);
    const person = {
      contentType: "text/plain",
      from: "pat@customer.example",
      returnPath: "pat@customer.example",
    };
    expect(isAutomaticMessage(none, person)).toBe(false);
  });
});
