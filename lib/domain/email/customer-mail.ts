// PRO-3 / PRO-5: the email a case's customer gets when an agent adds an additional comment
// (directly, copied from a major case, or through Notify Customers). Plain text plus a simple
// HTML part; the comment is escaped, never rendered as markup. Work notes never use this.

export type CaseMailFields = { number: string; shortDescription: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const customerMailSubject = (c: CaseMailFields) => `Case ${c.number}: ${c.shortDescription}`;

/**
 * The footer's first line: a reply lands on the case — or, once the case is Closed or Cancelled
 * (`finished`), it would only be refused (PRO-5), so the footer says where to ask instead.
 */
const footer = (c: Mailed) =>
  c.finished
    ? `Case ${c.number} is finished: a reply to this email is not added to it.`
    : `You can reply to this email to answer on case ${c.number}.`;

/** The case's page in the customer portal (POR-1), at Caseflow's public address `appUrl`. */
export const portalCaseLink = (appUrl: string, number: string) => `${appUrl}/portal/cases/${number}`;

/** The portal's New case page (POR-1): where a finished case's customer asks something else. */
export const portalNewCaseLink = (appUrl: string) => `${appUrl}/portal/cases/new`;

/**
 * The case, and where the customer follows it in the portal when the footer should say so (a
 * comment's email; NOT-1's templates place their own {{portal_link}}). `finished` with
 * `newCaseLink`: the footer sends them to a new case instead.
 */
type Mailed = Pick<CaseMailFields, "number"> & {
  portalLink?: string;
  finished?: boolean;
  newCaseLink?: string;
};

const follow = "Follow it in the portal:";
const ask = "To ask something else, open a new case:";

/** The footer's link line: the case in the portal, or the New case page for a finished case. */
const footerLink = (c: Mailed): [string, string] | null =>
  c.finished && c.newCaseLink ? [ask, c.newCaseLink] : c.portalLink ? [follow, c.portalLink] : null;

export function customerMailText(c: Mailed, comment: string): string {
  const link = footerLink(c);
  return `${comment}\n\n--\n${footer(c)}${link ? `\n${link[0]} ${link[1]}` : ""}`;
}

/** An http(s) address in plain text: up to a space or a character no address holds unescaped. */
const ADDRESS = /https?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence or a bracket, not the address it follows. */
const TRAILING = new Set([...".,;:!?)]"]);
/**
 * The address without its trailing punctuation: one backward pass (the regex /[.,;:!?)\]]+$/ tried
 * from each punctuation mark of a run not at the end: 8,000 dots then a letter took 30 ms a render).
 */
function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1])) end--;
  return url.slice(0, end);
}

/**
 * The text as HTML with each web address a link (NOT-1's "Accept or reject it here: <link>" is
 * clickable in the HTML part too). Split on the raw text, then each piece escaped on its own, so an
 * entity never looks like part of an address; a trailing full stop or bracket stays text. Only
 * http(s), one linear pass.
 */
function linkedHtml(text: string): string {
  let html = "";
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const url = trimTrailing(m[0]);
    html += escapeHtml(text.slice(at, m.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    at = m.index + url.length;
  }
  return html + escapeHtml(text.slice(at));
}

export function customerMailHtml(c: Mailed, comment: string): string {
  const paragraphs = comment
    .split(/\n{2,}/)
    .map((p) => `<p>${linkedHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
  const at = footerLink(c);
  const href = at ? escapeHtml(at[1]) : "";
  const link = at ? `<br>${at[0]} <a href="${href}">${href}</a>` : "";
  const hint = `<hr><p style="color:#555">${escapeHtml(footer(c))}${link}</p>`;
  return `<!doctype html><html><body>${paragraphs}${hint}</body></html>`;
}

/**
 * The three parts with the case's number and short description left as markers, so that a
 * set-based statement can fill them per case in SQL (lib/server/email/customer-comments.ts).
 * The markers are control characters, which a comment never contains (REL-1 refuses them).
 */
export const MARK = { number: "\u0001", shortDescription: "\u0002" } as const;

export function customerMailTemplate(comment: string, appUrl: string) {
  const c = {
    number: MARK.number,
    shortDescription: MARK.shortDescription,
    portalLink: portalCaseLink(appUrl, MARK.number),
  };
  return {
    subject: customerMailSubject(c),
    text: customerMailText(c, comment),
    html: customerMailHtml(c, comment),
  };
}
