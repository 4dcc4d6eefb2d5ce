import escapeHtml from "escape-html";
import type { CaseCell, CaseRowView } from "./case-table";

/**
 * A case table's body rows as HTML text, for `<tbody dangerouslySetInnerHTML>` (PERF-8).
 *
 * Why not React elements: a list's 50 rows are ~900 elements, and rendering them to HTML was ~1.2 ms
 * of the list's ~7 ms of server CPU (measured side by side, docs/performance.md finding 15). The rows
 * hold nothing React needs to manage: their links are followed by the table's one click handler, a
 * click on a box flips its row's selection there, and a layout effect sets the boxes from the
 * selection (components/cases/case-table.tsx); so the same markup as text
 * costs a few string joins. Every text and attribute value goes through `escape-html` (the five
 * characters & < > " '), as React would escape it; the tests put markup in every field.
 */
export function caseRowsHtml(rows: CaseRowView[], cells: CaseCell[], selectable: boolean): string {
  let html = "";
  for (const r of rows) {
    html += "<tr>";
    if (selectable) {
      const n = escapeHtml(r.number);
      // The hydration guard holds a click on it until the page's script runs (data-needs-script).
      html +=
        `<td><input type="checkbox" aria-label="Select ${n}" class="cf-check"` +
        ` data-needs-script="" data-case="${n}"/></td>`;
    }
    for (const cell of cells) html += cellHtml(r, cell);
    html += "</tr>";
  }
  return html;
}

/** A cell `<td>`: its class, the whole text on hover when it may be cut, its content (already HTML). */
function td(content: string, className?: string, title?: string | null): string {
  const cls = className ? ` class="${escapeHtml(className)}"` : "";
  const tip = title ? ` title="${escapeHtml(title)}"` : "";
  return `<td${cls}${tip}>${content}</td>`;
}

/**
 * The title of a text that may be cut: a case table's cells (cf-cells) stop at 10rem, and its
 * cf-fill column gives its width up down to 10rem — 9rem of text after the padding, 16 wide
 * characters. Shorter texts always show whole and carry no title (less page to send).
 */
const mayBeCut = (text: string | null | undefined) => (text && text.length > 16 ? text : null);
const DASH = "—";
const badge = (tone: string, text: string) =>
  `<span class="cf-badge ${escapeHtml(tone)}">${escapeHtml(text)}</span>`;
const time = (iso: string, text: string, className?: string) => {
  const cls = className ? ` class="${escapeHtml(className)}"` : "";
  return `<time datetime="${escapeHtml(iso)}"${cls}>${escapeHtml(text)}</time>`;
};
const absent = (v: unknown): v is null | undefined => v === null || v === undefined;
const when = (iso: string | null | undefined, text: string | null | undefined) =>
  iso ? time(iso, text ?? "") : DASH;
/** A name, or what stands for none (markup of this file's own); an empty name shows empty, as it is. */
const nameCell = (name: string | null | undefined, none = DASH) =>
  td(absent(name) ? none : escapeHtml(name), undefined, mayBeCut(name));

function cellHtml(r: CaseRowView, cell: CaseCell): string {
  switch (cell) {
    case "number": {
      const n = escapeHtml(r.number);
      return td(`<a class="cf-link" href="/cases/${n}">${n}</a>`);
    }
    case "shortDescription": {
      // The marks first: a description too long for the cell is cut at its end, never a mark.
      const marks =
        (r.major ? `${badge("violet", "Major")} ` : "") +
        (r.proactive ? `${badge("blue", "Proactive")} ` : "") +
        (r.replied ? `${badge("amber", "Customer replied")} ` : "");
      return td(marks + escapeHtml(r.shortDescription), "cf-fill", mayBeCut(r.shortDescription));
    }
    case "state":
      return td(badge(r.stateTone, r.state));
    case "priority":
      return td(badge(r.priorityTone, r.priority));
    case "account":
      return nameCell(r.account);
    case "contact":
      return nameCell(r.contact);
    case "assignedTo":
      return nameCell(r.assignedTo, `<span class="cf-muted">Unassigned</span>`);
    case "group":
      return nameCell(r.group);
    case "sla":
      return td(r.sla ? time(r.sla.iso, r.sla.text, `cf-badge ${r.sla.tone}`) : DASH);
    case "updated":
      return td(when(r.updatedIso, r.updatedText));
    case "businessImpact":
      return td(
        absent(r.businessImpact) ? DASH : escapeHtml(r.businessImpact),
        "cf-wide",
        mayBeCut(r.businessImpact),
      );
    case "proposed":
      return td(when(r.proposedIso, r.proposedText));
    case "children":
      return td(escapeHtml(String(r.children ?? 0)));
  }
}
