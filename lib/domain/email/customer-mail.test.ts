import { describe, expect, it } from "vitest";
import {
  customerMailHtml,
  customerMailSubject,
  customerMailTemplate,
  customerMailText,
  MARK,
  portalCaseLink,
} from "./customer-mail";

describe("customer email (PRO-3, PRO-5)", () => {
  it("PRO-3: the subject names the case number and short description", () => {
    expect(customerMailSubject({ number: "CS0001001", shortDescription: "Email down" })).toBe(
      "Case CS0001001: Email down",
    );
  });

  it("PRO-5: the HTML part escapes the comment and keeps its line breaks", () => {
    const html = customerMailHtml({ number: "CS1" }, `<script>alert("x")</script> & co\nline two\n\nnext`);
    expect(html).not.toContain("<script>");
    expect(html).toContain(
      "&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co<br>line two</p><p>next",
    );
  });

  it("PRO-5: the text part is the comment with a reply hint naming the case", () => {
    expect(customerMailText({ number: "CS1" }, "Hello")).toBe(
      "Hello\n\n--\nYou can reply to this email to answer on case CS1.",
    );
  });

  it("PRO-3 / POR-1: a comment's email links to the case in the portal, in both parts", () => {
    const link = portalCaseLink("https://desk.example.com", "CS1");
    expect(link).toBe("https://desk.example.com/portal/cases/CS1");
    expect(customerMailText({ number: "CS1", portalLink: link }, "Hello")).toBe(
      "Hello\n\n--\nYou can reply to this email to answer on case CS1.\n" +
        "Follow it in the portal: https://desk.example.com/portal/cases/CS1",
    );
    expect(customerMailHtml({ number: "CS1", portalLink: link }, "Hello")).toContain(
      `<a href="${link}">${link}</a>`,
    );
  });

  it("PRO-3: the template leaves one marker per case field for SQL to fill", () => {
    const t = customerMailTemplate("Hi", "https://desk.example.com");
    expect(t.subject).toBe(`Case ${MARK.number}: ${MARK.shortDescription}`);
    // The reply hint and the portal link both name the case.
    expect(t.text.split(MARK.number)).toHaveLength(3);
    expect(t.text).toContain(`https://desk.example.com/portal/cases/${MARK.number}`);
    expect(t.html).not.toContain(MARK.shortDescription);
  });
});
