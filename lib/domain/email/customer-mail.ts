// PRO-3 / PRO-5: the email a case's customer gets when an agent adds an additional comment
// (directly, copied from a major case, or through Notify Customers). Plain text plus a simple
// HTML part; the comment is escaped, never rendered as markup. Work notes never use this.

export type CaseMailFields = { number: string; shortDescription: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const customerMailSubject = (c: CaseMailFields) => `Case ${c.number}: ${c.shortDescription}`;

const footer = (number: string) => `You can reply to this email to answer on case ${number}.`;

/** The case's page in the customer portal (POR-1), at Caseflow's public address `appUrl`. */
export const portalCaseLink = (appUrl: string, number: string) => `${appUrl}/portal/cases/${number}`;

/**
 * The case, and where the customer follows it in the portal when the footer should say so (a
 * comment's email; NOT-1's templates place their own {{portal_link}}).
 */
type Mailed = Pick<CaseMailFields, "number"> & { portalLink?: string };

const follow = "Follow it in the portal:";

export function customerMailText(c: Mailed, comment: string): string {
  const link = c.portalLink ? `\n${follow} ${c.portalLink}` : "";
  return `${comment}\n\n--\n${footer(c.number)}${link}`;
}

export function customerMailHtml(c: Mailed, comment: string): string {
  const paragraphs = comment
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
  const href = c.portalLink ? escapeHtml(c.portalLink) : "";
  const link = href ? `<br>${follow} <a href="${href}">${href}</a>` : "";
  const hint = `<hr><p style="color:#555">${escapeHtml(footer(c.number))}${link}</p>`;
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
