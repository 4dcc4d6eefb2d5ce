"use client";
import { useState } from "react";
import { heldFrom, withFirstPage, withOlderPage, type Held } from "@/lib/domain/attachments/held";
import type { AttachmentPage } from "@/lib/domain/attachments/rows";

/**
 * NOT-4 / PERF-1: the Attachments list past its first page — "Show older files" fetches the next
 * page before the oldest row held (`GET /api/cases/<number>/attachments?before=<cursor>`); a
 * refreshed first page joins what is held (lib/domain/attachments/held.ts). A small fetch, as the
 * portal's older comments (PERF-4).
 */
export function useOlderAttachments(caseNumber: string, page: AttachmentPage) {
  const [held, setHeld] = useState<Held>(() => heldFrom(page));
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  // A new first page from the server (router.refresh) is folded in while rendering: React's
  // pattern for state that follows a prop.
  const current = held.page === page ? held : withFirstPage(held, page);
  if (current !== held) setHeld(current);
  const load = async () => {
    const from = current.rows.at(-1);
    if (!from || status === "loading") return;
    setStatus("loading");
    try {
      const cursor = encodeURIComponent(`${from.createdAt}_${from.id}`);
      const res = await fetch(`/api/cases/${encodeURIComponent(caseNumber)}/attachments?before=${cursor}`, {
        cache: "no-store",
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`older attachments: ${res.status}`);
      const older = (await res.json()) as AttachmentPage;
      setHeld((h) => withOlderPage(h, from, older));
      setStatus("idle");
    } catch {
      setStatus("error");
    }
  };
  return { rows: current.rows, more: current.tailMore, status, load };
}
