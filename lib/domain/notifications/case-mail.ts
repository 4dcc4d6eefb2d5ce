// NOT-1: the emails a case's customer gets when the case moves — each switchable, with a subject
// and body an admin edits at /admin/notifications. Defined once here: the admin page, the sender
// (lib/server/notifications/case-mail.ts) and the tests name events and placeholders from here.
import { z } from "zod";
import { CaseState } from "../records/choices";
import { booleanText, formNumber, MAX_INT, requiredText } from "../validation";
import { describeProblem, renderTemplate, templateProblems } from "./template";
import { customerMailHtml, customerMailText } from "../email/customer-mail";

/** What every case email may name. */
const COMMON = [
  "case.number",
  "case.short_description",
  "case.state",
  "customer.name",
  "portal_link",
] as const;

export const CASE_MAIL_EVENTS = [
  {
    event: "opened",
    label: "Case opened",
    when: "A case is opened for the customer: the acknowledgement with its number.",
    extra: [],
    subject: "We have opened case {{case.number}}: {{case.short_description}}",
    body:
      "Hello {{customer.name}},\n\nThank you for contacting us. We have opened case {{case.number}} " +
      "for you: {{case.short_description}}.\n\nYou can follow it here: {{portal_link}}",
  },
  {
    event: "request_info",
    label: "Request Info",
    when: "An agent asks the customer for information (the question is also an additional comment).",
    extra: ["question"],
    subject: "Case {{case.number}}: we need information from you",
    body:
      "Hello {{customer.name}},\n\nTo go on with case {{case.number}} ({{case.short_description}}) " +
      "we need your answer:\n\n{{question}}\n\nReply to this email or answer here: {{portal_link}}",
  },
  {
    event: "propose_solution",
    label: "Propose Solution",
    when: "An agent proposes a solution: the customer accepts or rejects it in the portal.",
    extra: ["resolution_notes"],
    subject: "Case {{case.number}}: a solution is proposed",
    body:
      "Hello {{customer.name}},\n\nWe propose this solution for case {{case.number}} " +
      "({{case.short_description}}):\n\n{{resolution_notes}}\n\nAccept or reject it here: {{portal_link}}",
  },
  {
    event: "closed",
    label: "Case closed",
    when: "The case is closed.",
    extra: ["resolution_notes"],
    subject: "Case {{case.number}} is closed",
    body: "Hello {{customer.name}},\n\nCase {{case.number}} ({{case.short_description}}) is now closed.",
  },
  {
    event: "cancelled",
    label: "Case cancelled",
    when: "The case is cancelled.",
    extra: [],
    subject: "Case {{case.number}} is cancelled",
    body: "Hello {{customer.name}},\n\nCase {{case.number}} ({{case.short_description}}) has been cancelled.",
  },
] as const;

export type CaseMailEvent = (typeof CASE_MAIL_EVENTS)[number]["event"];
export type CaseMailDefinition = (typeof CASE_MAIL_EVENTS)[number];

export const caseMailDefinition = (event: CaseMailEvent): CaseMailDefinition =>
  CASE_MAIL_EVENTS.find((e) => e.event === event)!;

/** The placeholders a template of `event` may use. */
export function placeholdersOf(event: CaseMailEvent): string[] {
  return [...COMMON, ...caseMailDefinition(event).extra];
}

/** The email a state change sends, if any (Request Info only with its question). */
export function caseMailEventFor(from: number, to: number): CaseMailEvent | null {
  return from === to ? null : caseMailEventEntering(to);
}

/** The email a case entering `to` from another state sends, if any. */
export function caseMailEventEntering(to: number): CaseMailEvent | null {
  if (to === CaseState.AwaitingInfo) return "request_info";
  if (to === CaseState.Resolved) return "propose_solution";
  if (to === CaseState.Closed) return "closed";
  if (to === CaseState.Cancelled) return "cancelled";
  return null;
}

/** A template as stored (or its default), and the admin's form for it. */
export type CaseMailTemplate = { event: CaseMailEvent; enabled: boolean; subject: string; body: string };

/** The event's template as an admin saved it (`row`), else its default text, switched on. */
export function templateOrDefault(
  event: CaseMailEvent,
  row: Pick<CaseMailTemplate, "enabled" | "subject" | "body"> | null,
): CaseMailTemplate {
  const t = row ?? { enabled: true, ...caseMailDefinition(event) };
  return { event, enabled: t.enabled, subject: t.subject, body: t.body };
}

export const caseMailTemplateSchema = z
  .object({
    event: z.enum(CASE_MAIL_EVENTS.map((e) => e.event) as [CaseMailEvent, ...CaseMailEvent[]], {
      error: "Unknown case email.",
    }),
    enabled: booleanText("Send this email").default(false),
    subject: requiredText("Subject", 200).refine((s) => !/[\r\n]/.test(s), "Subject must be one line."),
    // A browser posts a text area's line breaks as CRLF: kept, an untouched default body compared
    // unequal (an audit row of no change) and its paragraphs did not split in the HTML part.
    body: requiredText("Body", 5000).transform((b) => b.replace(/\r\n?/g, "\n")),
    /** 0 for an email nobody saved yet (REC-6 then applies from its first save). */
    version: formNumber(
      z
        .number({ error: "The form's version is not valid; reload the page." })
        .int("The form's version is not valid; reload the page.")
        .min(0, "The form's version is not valid; reload the page.")
        .max(MAX_INT, "The form's version is not valid; reload the page."),
    ).optional(),
  })
  .superRefine((v, ctx) => {
    for (const field of ["subject", "body"] as const) {
      const problem = templateProblems(v[field], placeholdersOf(v.event))[0];
      if (problem) ctx.addIssue({ code: "custom", path: [field], message: describeProblem(problem) });
    }
  });
export type CaseMailTemplateInput = z.input<typeof caseMailTemplateSchema>;

/** A reply to a Closed or Cancelled case is refused (PRO-5): their emails invite none. */
export const finishesCase = (event: string) => event === "closed" || event === "cancelled";

export type CaseMailFacts = {
  number: string;
  shortDescription: string;
  stateLabel: string;
  customerName: string;
  portalLink: string;
  question?: string | null;
  resolutionNotes?: string | null;
  /** Closed or Cancelled: the footer sends the customer to `newCaseLink`, not to a reply (PRO-5). */
  finished?: boolean;
  newCaseLink?: string;
};

/** The three parts of one email: subject, text and HTML (every value and word escaped there). */
export function renderCaseMail(t: Pick<CaseMailTemplate, "subject" | "body">, f: CaseMailFacts) {
  const values: Record<string, string> = {
    "case.number": f.number,
    "case.short_description": f.shortDescription,
    "case.state": f.stateLabel,
    "customer.name": f.customerName,
    portal_link: f.portalLink,
    question: f.question ?? "",
    resolution_notes: f.resolutionNotes ?? "",
  };
  // A subject is one line whatever a value holds (a header never takes a line break).
  const subject = renderTemplate(t.subject, values).replace(/\s*[\r\n]+\s*/g, " ");
  const body = renderTemplate(t.body, values);
  return { subject, text: customerMailText(f, body), html: customerMailHtml(f, body) };
}
