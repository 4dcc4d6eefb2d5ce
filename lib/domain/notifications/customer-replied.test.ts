import { describe, expect, it } from "vitest";
import { customerRepliedMail, replyExcerpt } from "./customer-replied";

describe("the customer replied email (NOT-2)", () => {
  it("NOT-2: subject with the number; body with who replied, the reply and the link", () => {
    const mail = customerRepliedMail({
      number: "CS0001234",
      shortDescription: "Printer offline",
      customerName: "Carla Customer",
      reply: "  It shows E-42 now.  ",
      link: "https://support.example.com/cases/CS0001234",
    });
    expect(mail.subject).toBe("Case CS0001234: the customer replied");
    expect(mail.body).toBe(
      "Carla Customer replied on Case CS0001234 (Printer offline):\n\nIt shows E-42 now.\n\n" +
        "Open it: https://support.example.com/cases/CS0001234\n",
    );
  });

  it("NOT-2: a long reply is cut at 500 characters, never inside a character", () => {
    expect(replyExcerpt("x".repeat(500))).toBe("x".repeat(500));
    expect(replyExcerpt("x".repeat(501))).toBe(`${"x".repeat(500)} …`);
    const emoji = "😀".repeat(600); // two UTF-16 units each
    const cut = replyExcerpt(emoji);
    expect(Array.from(cut.replace(" …", ""))).toHaveLength(500);
    expect(cut.replace(" …", "")).toBe("😀".repeat(500));
  });
});
