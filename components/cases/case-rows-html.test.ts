import { describe, expect, it } from "vitest";
import { caseRowsHtml } from "./case-rows-html";
import type { CaseCell, CaseRowView } from "./case-table";

const LIST_CELLS: CaseCell[] = [
  "number",
  "shortDescription",
  "state",
  "priority",
  "account",
  "contact",
  "group",
  "assignedTo",
  "sla",
  "updated",
];

const row = (over: Partial<CaseRowView> = {}): CaseRowView => ({
  id: 1,
  number: "CS0001001",
  shortDescription: "VPN drops",
  major: false,
  proactive: false,
  state: "Open",
  stateTone: "blue",
  priority: "3 - Moderate",
  priorityTone: "gray",
  account: "Acme",
  contact: "Jane Doe",
  assignedTo: null,
  group: null,
  sla: null,
  updatedIso: "2026-11-26T12:00:00.000Z",
  updatedText: "2026-11-26 12:00",
  ...over,
});

describe("case table rows as HTML (PERF-8)", () => {
  it("WRK-4 NOT-5: a list row: its box, its link, badges, names, the SLA and the time", () => {
    const html = caseRowsHtml(
      [
        row({
          replied: true,
          proactive: true,
          shortDescription: "VPN drops every few minutes",
          group: "Service Desk",
          sla: { text: "due in 3h", tone: "amber", iso: "2026-11-26T15:00:00.000Z" },
        }),
      ],
      LIST_CELLS,
      true,
    );
    expect(html).toBe(
      "<tr>" +
        '<td><input type="checkbox" aria-label="Select CS0001001" class="cf-check" data-needs-script=""' +
        ' data-case="CS0001001"/></td>' +
        '<td><a class="cf-link" href="/cases/CS0001001">CS0001001</a></td>' +
        '<td class="cf-fill" title="VPN drops every few minutes"><span class="cf-badge blue">Proactive</span> ' +
        '<span class="cf-badge amber">Customer replied</span> VPN drops every few minutes</td>' +
        '<td><span class="cf-badge blue">Open</span></td>' +
        '<td><span class="cf-badge gray">3 - Moderate</span></td>' +
        "<td>Acme</td><td>Jane Doe</td><td>Service Desk</td>" +
        '<td><span class="cf-muted">Unassigned</span></td>' +
        '<td><time datetime="2026-11-26T15:00:00.000Z" class="cf-badge amber">due in 3h</time></td>' +
        '<td><time datetime="2026-11-26T12:00:00.000Z">2026-11-26 12:00</time></td>' +
        "</tr>",
    );
  });

  it("MAJ-1: the major cases page's cells, without boxes; a missing value is a dash", () => {
    const html = caseRowsHtml(
      [row({ major: true, businessImpact: null, proposedIso: null, children: 3 })],
      ["number", "shortDescription", "businessImpact", "proposed", "children"],
      false,
    );
    expect(html).toBe(
      '<tr><td><a class="cf-link" href="/cases/CS0001001">CS0001001</a></td>' +
        '<td class="cf-fill"><span class="cf-badge violet">Major</span> VPN drops</td>' +
        '<td class="cf-wide">—</td><td>—</td><td>3</td></tr>',
    );
  });

  it("WRK-4: a text of 16 characters shows whole; from 17 it may be cut and carries its title", () => {
    const html = caseRowsHtml(
      [row({ shortDescription: "x".repeat(17), account: "a".repeat(16), contact: "c".repeat(17) })],
      ["shortDescription", "account", "contact"],
      false,
    );
    expect(html).toBe(
      `<tr><td class="cf-fill" title="${"x".repeat(17)}">${"x".repeat(17)}</td>` +
        `<td>${"a".repeat(16)}</td><td title="${"c".repeat(17)}">${"c".repeat(17)}</td></tr>`,
    );
  });

  it("MAJ-1: an empty text shows empty; only a missing one is a dash (or Unassigned)", () => {
    const html = caseRowsHtml(
      [row({ account: "", contact: null, assignedTo: "", group: undefined, businessImpact: "" })],
      ["account", "contact", "assignedTo", "group", "businessImpact"],
      false,
    );
    expect(html).toBe('<tr><td></td><td>—</td><td></td><td>—</td><td class="cf-wide"></td></tr>');
  });

  it("PERF-8: markup in any text is escaped, never markup: the tags and quotes are those of a plain row", () => {
    const evil = `x"><img src=x onerror=alert(1)>'&<script>alert(2)</script>`;
    const plain = "x".repeat(evil.length);
    const text = (t: string) =>
      row({
        number: `CS1${t}`,
        shortDescription: t,
        state: t,
        stateTone: t as CaseRowView["stateTone"],
        priority: t,
        priorityTone: t as CaseRowView["priorityTone"],
        account: t,
        contact: t,
        assignedTo: t,
        group: t,
        sla: { text: t, tone: t as "gray", iso: t },
        updatedIso: t,
        updatedText: t,
        businessImpact: t,
        proposedIso: t,
        proposedText: t,
      });
    const cells: CaseCell[] = [...LIST_CELLS, "businessImpact", "proposed", "children"];
    const bad = caseRowsHtml([text(evil)], cells, true);
    const good = caseRowsHtml([text(plain)], cells, true);
    const count = (s: string, c: string) => s.split(c).length - 1;
    for (const c of ["<", ">", '"', "'"]) expect(count(bad, c), c).toBe(count(good, c));
    expect(bad).not.toMatch(/<img|<script/);
    expect(bad).toContain("x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;&lt;script&gt;");
  });
});
