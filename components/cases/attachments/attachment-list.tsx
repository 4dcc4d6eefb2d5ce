"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatSize } from "@/lib/domain/attachments/files";
import type { AttachmentPage } from "@/lib/domain/attachments/rows";
import { useOlderAttachments } from "./use-older-attachments";

/**
 * NOT-4: a case's Attachments — name (a download link: always saved, never opened as a page),
 * size, who and when; the workspace marks internal-only files. The newest page first, "Show
 * older files" for the rest (PERF-1).
 */
export function AttachmentList({
  caseNumber,
  page,
  showInternal,
}: {
  caseNumber: string;
  page: AttachmentPage;
  showInternal: boolean;
}) {
  const { rows, more, status, load } = useOlderAttachments(caseNumber, page);
  if (!rows.length) return <p className="text-sm text-slate-500">No files are attached to this case.</p>;
  // On a narrow screen the table scrolls inside its card rather than widening the page.
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="cf-table">
          <caption className="sr-only">Attachments</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Added by</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="cf-clip">
                  {/* A plain link: the route answers Content-Disposition: attachment. */}
                  <a className="cf-link" href={`/api/attachments/${a.id}`} download={a.fileName}>
                    {a.fileName}
                  </a>
                  {showInternal && a.internalOnly && (
                    <span className="ml-2">
                      <Badge tone="amber">Internal</Badge>
                    </span>
                  )}
                </td>
                <td className="cf-nowrap">{formatSize(a.size)}</td>
                <td className="cf-clip">{a.uploadedByName}</td>
                <td className="cf-nowrap">
                  <time dateTime={a.createdAt}>{a.at}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status === "error" && (
        <p role="alert" className="mt-3 text-center text-xs text-red-800">
          Older files could not be loaded. Try again.
        </p>
      )}
      {more && (
        <div className="mt-3 text-center">
          <Button onClick={() => void load()} disabled={status === "loading"}>
            {status === "loading" ? "Loading…" : "Show older files"}
          </Button>
        </div>
      )}
    </div>
  );
}
