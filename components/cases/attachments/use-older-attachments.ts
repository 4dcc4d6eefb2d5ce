"use client";
import { useState } from "react";
import type { AttachmentPage, AttachmentRow } from "@/lib/domain/attachments/rows";

/** Newest first, each file once (pages overlap when files arrive between them). */
function merge(...lists: readonly (readonly AttachmentRow[])[]): AttachmentRow[] {
  const byId = new Map<number, AttachmentRow>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

/**
 * NOT-4 / PERF-1: the Attachments list past its first page — "Show older" fetches the next page
 * before the oldest row held (`GET /api/cases/<number>/attachments?before=<cursor>`). The first
 * page as rendered at first is kept beside the current one: after an upload the refreshed page
 * starts one file later, and the file it no longer holds stays listed. A small fetch, as the
 * portal's older comments (PERF-4).
 */
export function useOlderAttachments(caseNumber: string, page: AttachmentPage) {
  const [first] = useState(page.rows);
  const [older, setOlder] = useState<AttachmentRow[]>([]);
  const [more, setMore] = useState<boolean | null>(null); // null: no page loaded yet
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const rows = merge(page.rows, first, older);
  const load = async () => {
    const from = rows.at(-1);
    if (!from || status === "loading") return;
    setStatus("loading");
    try {
      const cursor = encodeURIComponent(`${from.createdAt}_${from.id}`);
      const res = await fetch(`/api/cases/${encodeURIComponent(caseNumber)}/attachments?before=${cursor}`, {
        cache: "no-store",
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`older attachments: ${res.status}`);
      const next = (await res.json()) as AttachmentPage;
      setOlder((held) => [...held, ...next.rows]);
      setMore(next.more);
      setStatus("idle");
    } catch {
      setStatus("error");
    }
  };
  return { rows, more: more ?? page.more, status, load };
}
