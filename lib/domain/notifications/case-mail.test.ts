import { describe, expect, it } from "vitest";
import { CaseState as S } from "../records/choices";
import { DomainError } from "../errors";
import { parseOrThrow } from "../validation";
import {
  CASE_MAIL_EVENTS,
  caseMailEventFor,
  caseMailTemplateSchema,
  placeholdersOf,
  renderCaseMail,
} from "./case-mail";
import { templateProblems } from "./template";

const facts = {
  number: "CS0001001",
  shortDescription: "Printer <script>alert(1)</script>",
  stateLabel: "Awaiting Info",
  customerName: "Ann & Co",
  portalLink: "https://desk.example.com/portal/cases/CS0001001",
  question: "Which model is it?\nAnd where?",
};

describe("case emails to customers (NOT-1)", () => {
  it("NOT-1: every default template uses only its own placeholders", () => {
    for (const e of CASE_MAIL_EVENTS) {
      expect(templateProblems(e.subject, placeholdersOf(e.event))).toEqual([]);
      expect(templateProblems(e.body, placeholdersOf(e.event))).toEqual([]);
    }
  });

  it("NOT-1: the state changes that send an email", () => {
    expect(caseMailEventFor(S.Open, S.AwaitingInfo)).toBe("request_info");
    expect(caseMailEventFor(S.Open, S.Resolved)).toBe("propose_solution");
    expect(caseMailEventFor(S.Resolved, S.Closed)).toBe("closed");
    expect(caseMailEventFor(S.New, S.Cancelled)).toBe("cancelled");
    expect(caseMailEventFor(S.New, S.Open)).toBeNull();
    expect(caseMailEventFor(S.Resolved, S.Open)).toBeNull();
  });

  it("NOT-1: values are escaped in the HTML part, as they are in the text, and the subject is one line", () => {
    const m = renderCaseMail(
      {
        subject: "{{case.number}}: {{question}}",
        body: "Dear {{customer.name}}: {{case.short_description}}",
      },
      facts,
    );
    expect(m.subject).toBe("CS0001001: Which model is it? And where?");
    expect(m.text).toContain("Dear Ann & Co: Printer <script>alert(1)</script>");
    expect(m.html).toContain("Ann &#38; Co");
    expect(m.html).toContain("&#60;script&#62;");
    expect(m.html).not.toContain("<script>");
  });

  it("NOT-1: saving refuses an unknown placeholder by name, and a placeholder of another event", () => {
    const save = (body: string, event = "closed") =>
      parseOrThrow(caseMailTemplateSchema, { event, enabled: "true", subject: "Case {{case.number}}", body });
    expect(() => save("Bye {{case.nmber}}")).toThrow(/Unknown placeholder \{\{case\.nmber\}\}/);
    expect(() => save("You asked {{question}}")).toThrow(DomainError);
    expect(save("You asked {{question}}", "request_info").enabled).toBe(true);
    expect(() => save("")).toThrow(/Body is required/);
  });
});
