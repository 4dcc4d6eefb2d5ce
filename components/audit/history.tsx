import type { AuditLine } from "@/lib/domain/audit/labels";
import { formatDateTime, isoDateTime } from "@/lib/domain/time-format";
import { AuditList } from "./audit-list";

/** REC-5: who changed which field when, old → new. Times are written here, on the server. */
export function AuditHistory({ rows }: { rows: AuditLine[] }) {
  return (
    <AuditList
      rows={rows.map(({ createdAt, field: _field, ...r }) => ({
        ...r,
        iso: isoDateTime(createdAt),
        at: formatDateTime(createdAt),
      }))}
    />
  );
}
