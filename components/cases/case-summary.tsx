import { formatDateTime, isoDateTime } from "@/lib/domain/time-format";
import { SummaryList, type SummaryEntry } from "./summary-list";

const at = (label: string, d: Date | null): SummaryEntry[] =>
  d ? [{ label, text: formatDateTime(d), iso: isoDateTime(d) }] : [];

/** Who opened the case and when it moved; times written here, on the server. */
export function CaseSummary({
  openedBy,
  createdAt,
  updatedAt,
  resolvedAt,
  closedAt,
}: {
  openedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}) {
  return (
    <SummaryList
      entries={[
        { label: "Opened by", text: openedBy ?? "—" },
        ...at("Opened", createdAt),
        ...at("Updated", updatedAt),
        ...at("Resolved", resolvedAt),
        ...at("Closed", closedAt),
      ]}
    />
  );
}
