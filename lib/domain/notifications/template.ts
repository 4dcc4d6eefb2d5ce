// NOT-1: the placeholders of case email templates — `{{case.number}}` and the like, nothing else.
//
// Hand-written rather than a template library: the templates are logic-less by design (no
// sections, partials or helpers an admin could get wrong), the admin page must name each unknown
// placeholder when it is saved — which needs the parse anyway — and the only escaping is the
// HTML part's, done by the caller on the whole rendered text (lib/domain/email/customer-mail.ts),
// so a value can never become markup whatever it holds.

/** A placeholder: `{{ name }}`, a name of letters, digits, `_` and `.`; spaces inside allowed. */
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

export type TemplateProblem = { kind: "unknown"; name: string } | { kind: "malformed"; text: string };

/** What is wrong with a template, given the placeholder names it may use; [] when nothing. */
export function templateProblems(template: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1];
    if (!NAME.test(name)) problems.push({ kind: "malformed", text: m[0] });
    else if (!allowed.includes(name) && !seen.has(name)) problems.push({ kind: "unknown", name });
    seen.add(name);
  }
  // Braces left over once every placeholder is taken out: `{{case.number}` or a stray `}}`.
  const rest = template.replace(TOKEN, "");
  if (rest.includes("{{") || rest.includes("}}"))
    problems.push({ kind: "malformed", text: rest.includes("{{") ? "{{" : "}}" });
  return problems;
}

export function describeProblem(p: TemplateProblem): string {
  return p.kind === "unknown"
    ? `Unknown placeholder {{${p.name}}}.`
    : `${p.text} is not a placeholder: write {{name}}.`;
}

/**
 * The template with each placeholder replaced by its value (an unknown one by nothing: templates
 * are checked when saved, and a default never has one). Values are inserted as they are: a value
 * that itself looks like `{{…}}` is not expanded again.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(TOKEN, (_, name: string) => values[name] ?? "");
}
