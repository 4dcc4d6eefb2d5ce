import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { formatSize, type AttachmentItem } from "@/lib/domain/attachments/files";

/**
 * NOT-4: a case's Attachments — name (a download link: always saved, never opened as a page),
 * size, who and when; the workspace marks internal-only files.
 */
export function AttachmentList({ rows, showInternal }: { rows: AttachmentItem[]; showInternal: boolean }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No files are attached to this case.</p>;
  // On a narrow screen the table scrolls inside its card rather than widening the page.
  return (
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
                <Time value={a.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
