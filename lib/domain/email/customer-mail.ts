// PRO-3 / PRO-5: the email a case's customer gets when an agent adds an additional comment
// (directly, copied from a major case, or through Notify Customers). Plain text plus a simple
// HTML part; the comment is escaped, never rendered as markup. Work notes never use this.

export type CaseMailFields = { number: string; shortDescription: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const customerMailSubject = (c: CaseMailFields) => `Case ${c.number}: ${c.shortDescription}`;

const footer = (number: string) => `You can reply to this email to answer on case ${number}.`;

export function customerMailText(c: Pick<CaseMailFields, "number">, comment: string): string {
  return `${comment}\n\n--\n${footer(c.number)}`;
}

export function customerMailHtml(c: Pick<CaseMailFields, "number">, comment: string): string {
  const paragraphs = comment
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
  const hint = `<hr><p style="color:#555">${escapeHtml(footer(c.number))}</p>`;
  return `<!doctype html><html><body>${paragraphs}${hint}</body></html>`;
}

/**
 * The three parts with the case's number and short description left as markers, so that a
 * set-based statement can fill them per case in SQL (lib/server/email/customer-comments.ts).
 * The markers are control characters, which a comment never contains (REL-1 refuses them).
 */
export const MARK = { number: "\u0001", shortDescription: "\u0002" } as const;

export function customerMailTemplate(comment: string) {
  const c = { number: MARK.number, shortDescription: MARK.shortDescription };
  return {
    subject: customerMailSubject(c),
    text: customerMailText(c, comment),
    html: customerMailHtml(c, comment),
  };
}
