import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AUDIT_SHOWN } from "@/lib/domain/paging";
import { AuditList, type AuditListRow } from "./audit-list";

const rows = (n: number): AuditListRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    userName: "Ada Admin",
    label: "State",
    oldText: "New",
    newText: "Open",
    iso: "2026-11-29T12:00:00Z",
    at: "29 Nov 2026, 12:00",
  }));

describe("a record's history (REC-5)", () => {
  it("REC-5: a full history says it shows the newest changes; a short one does not", () => {
    const full = renderToStaticMarkup(createElement(AuditList, { rows: rows(AUDIT_SHOWN) }));
    expect(full).toContain(`Showing the newest ${AUDIT_SHOWN} changes; older ones are not listed here.`);
    const short = renderToStaticMarkup(createElement(AuditList, { rows: rows(3) }));
    expect(short).not.toContain("Showing the newest");
    expect(short.match(/<li/g)).toHaveLength(3);
  });
});
