import { describe, expect, it } from "vitest";
import {
  customerMailHtml,
  customerMailSubject,
  customerMailTemplate,
  customerMailText,
  MARK,
  portalCaseLink,
  portalNewCaseLink,
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

  it("NOT-1 / PRO-5: a Closed or Cancelled case's email invites no reply; it points to a new case instead", () => {
    const c = {
      number: "CS1",
      portalLink: portalCaseLink("https://desk.example.com", "CS1"),
      finished: true,
      newCaseLink: portalNewCaseLink("https://desk.example.com"),
    };
    expect(customerMailText(c, "Closed.")).toBe(
      "Closed.\n\n--\nCase CS1 is finished: a reply to this email is not added to it.\n" +
        "To ask something else, open a new case: https://desk.example.com/portal/cases/new",
    );
    const html = customerMailHtml(c, "Closed.");
    expect(html).not.toContain("You can reply");
    expect(html).toContain('<a href="https://desk.example.com/portal/cases/new">');
  });

  it("NOT-1: a web address in the body is a link in the HTML part; a trailing full stop stays text; markup stays text", () => {
    const html = customerMailHtml(
      { number: "CS1" },
      "Accept or reject it here: https://desk.example.com/portal/cases/CS1.\n" +
        "Query: https://x.example/a?b=1&c=2 and <b>javascript:alert(1)</b>",
    );
    expect(html).toContain(
      'here: <a href="https://desk.example.com/portal/cases/CS1">https://desk.example.com/portal/cases/CS1</a>.<br>',
    );
    expect(html).toContain(
      '<a href="https://x.example/a?b=1&#38;c=2">https://x.example/a?b=1&#38;c=2</a> and',
    );
    expect(html).toContain("&#60;b&#62;javascript:alert(1)&#60;/b&#62;");
    // An address in angle brackets or quotes ends at them; a long run of dots is one linear pass.
    expect(
      customerMailHtml({ number: "CS1" }, 'See <https://x.example/a>; or "https://x.example/b".'),
    ).toContain(
      '&#60;<a href="https://x.example/a">https://x.example/a</a>&#62;; or &#34;<a href="https://x.example/b">https://x.example/b</a>&#34;.',
    );
    const started = performance.now();
    customerMailHtml({ number: "CS1" }, `https://${".".repeat(100_000)}`);
    // A run of punctuation inside the address, not at its end, is one pass too (it was quadratic).
    const inside = customerMailHtml({ number: "CS1" }, `https://${".".repeat(50_000)}a`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(inside).toContain(`">https://${".".repeat(50_000)}a</a>`);
    expect(customerMailHtml({ number: "CS1" }, "(see https://x.example/a).,")).toContain(
      '(see <a href="https://x.example/a">https://x.example/a</a>).,',
    );
  });
});
