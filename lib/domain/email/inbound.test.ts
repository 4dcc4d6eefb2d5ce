import { describe, expect, it } from "vitest";
import { caseReferenceOf, failureReason, matchingSender, messageIdsIn, namesReplyAddress } from "./inbound";
import { headerText, replyText, subjectLine } from "./inbound-text";
import { caseFieldsOf } from "./email-to-case";
import { sanitizeFileName } from "../attachments/files";
import { hasLoneSurrogate } from "../unicode";

const DOMAIN = "support.example.com";
const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012_-9";

describe("which case a reply names (PRO-5)", () => {
  it("PRO-5: the reply+token address in To, Cc or Delivered-To names the case, ahead of In-Reply-To", () => {
    const ref = caseReferenceOf(
      { recipients: ["help@other.example", ` reply+${TOKEN}@SUPPORT.example.com`], inReplyTo: "<a@x>" },
      DOMAIN,
    );
    expect(ref).toEqual({ tokens: [TOKEN], messageIds: ["<a@x>"] });
    expect(namesReplyAddress(ref)).toBe(true);
  });

  it("PRO-5: without a token, In-Reply-To then References newest first name the Message-IDs to look up", () => {
    const ref = caseReferenceOf(
      {
        recipients: ["help@support.example.com"],
        inReplyTo: "<c@x>",
        references: ["<a@x>", "<b@x>", "<c@x>"],
      },
      DOMAIN,
    );
    expect(ref).toEqual({ tokens: [], messageIds: ["<c@x>", "<b@x>", "<a@x>"] });
    expect(messageIdsIn("<a@x>  junk <b@y>")).toEqual(["<a@x>", "<b@y>"]);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});

describe("who may reply (PRO-5, REL-6)", () => {
  const contact = { id: 1, email: "Pat@Acme.example" };
  const consumer = { id: 2, email: "sam@home.example" };

  it("PRO-5: the case's contact or consumer, ignoring case", () => {
    expect(matchingSender("pat@acme.EXAMPLE", [contact, consumer])).toBe(contact);
    expect(matchingSender(" sam@home.example ", [null, consumer])).toBe(consumer);
  });

  it("REL-6: a forged or different From matches no one", () => {
    expect(matchingSender("attacker@evil.example", [contact, consumer])).toBeNull();
    expect(matchingSender("pat@acme.example.evil.example", [contact])).toBeNull();
    expect(matchingSender("", [contact])).toBeNull();
    expect(matchingSender("pat@acme.example", [null, null])).toBeNull();
  });
});

describe("the reply's text (PRO-5, REL-6)", () => {
  it("PRO-5: quoted history and the signature are stripped", () => {
    const text =
      "Works now, thank you.\r\n\r\nOn Mon, 2 Nov 2026 at 10:00, Support <help@x.example> wrote:\r\n" +
      "> Please restart the router.\r\n> Thanks\r\n\r\n-- \r\nPat\r\nAcme Corp\r\n";
    expect(replyText(text)).toBe("Works now, thank you.");
  });

  it("REL-6: control characters go, long replies are cut to the journal limit, nothing left is empty", () => {
    expect(replyText("a\u0000b\u0007c")).toBe("abc");
    const long = replyText("x".repeat(20_000));
    expect(long).toHaveLength(10_000);
    expect(long.endsWith("…")).toBe(true);
    expect(replyText("> only quoted\n> text")).toBe("");
    expect(replyText(undefined)).toBe("");
  });

  it("REL-6: a subject is one bounded line", () => {
    expect(subjectLine("Re:\r\n  folded\tsubject")).toBe("Re: folded subject");
    expect(subjectLine("s".repeat(1000))).toHaveLength(300);
  });

  it("REL-6: a cut never splits an emoji, and a lone surrogate becomes U+FFFD — the database refuses half a pair", () => {
    const emoji = "\u{1F600}"; // two UTF-16 units
    const cuts = [
      replyText(`${"a".repeat(9_998)}${emoji}${"b".repeat(10)}`),
      subjectLine(`${"s".repeat(299)}${emoji}`),
      headerText(`${"h".repeat(399)}${emoji}`, 400),
      caseFieldsOf(`${"d".repeat(158)}${emoji}${"e".repeat(10)}`, "").shortDescription,
      caseFieldsOf("Printer", `${"t".repeat(7_998)}${emoji}${"u".repeat(10)}`).description,
    ];
    for (const cut of cuts) expect(hasLoneSurrogate(cut)).toBe(false);
    expect(cuts[0]).toBe(`${"a".repeat(9_998)}…`);
    expect(subjectLine(`Hi ${emoji}`)).toBe(`Hi ${emoji}`); // a whole pair stays
    expect(subjectLine("\ud800A")).toBe("\ufffdA"); // =?utf-16le?B?ANg=?= decodes to this
    expect(replyText("x\udc00y")).toBe("x\ufffdy");
    expect(sanitizeFileName("log\ud800.txt")).toBe("log\ufffd.txt");
  });

  it("REL-6 / PRO-5: a reply written under a quote longer than what the parser reads is kept", () => {
    const quote = "> an earlier message in a long thread\r\n".repeat(5_000); // ~200 KB
    expect(replyText(`On Mon, Support wrote:\r\n${quote}\r\nFixed after the restart.\r\n`)).toBe(
      "Fixed after the restart.",
    );
  });

  it("REL-6: the reply parser reads the first 64 KB — a 2 MB body of quote-header lines took it 90 s", () => {
    const started = performance.now();
    const text = replyText("Op x\n".repeat(400_000));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(text.length).toBeLessThanOrEqual(10_000);
  });
});

describe("failureReason (REL-6)", () => {
  it("REL-6: a failed message names the kind of error and the request whose log has the stack, short", () => {
    expect(failureReason("Database error P2010", "abc123")).toBe("Database error P2010 (request abc123)");
    expect(failureReason("  Type\nError ")).toBe("Type Error");
    expect(failureReason("")).toBe("Error");
    expect(failureReason("x".repeat(500), "r".repeat(500)).length).toBeLessThanOrEqual(80 + 64 + 11);
  });
});
