"use client";
import { UtcDateTimeField } from "@/components/ui/utc-date-time";

/** The appointment window's two fields (windowStart, windowEnd), as every window form shows them. */
export function AppointmentWindowFields({
  idPrefix,
  start = null,
  end = null,
  error,
  utcInLabel = true,
}: {
  /** Unique on the page: `<idPrefix>-start` and `<idPrefix>-end`. */
  idPrefix: string;
  start?: Date | string | null;
  end?: Date | string | null;
  error: (field: "windowStart" | "windowEnd") => string | undefined;
  /** The workspace labels say "(UTC)"; the portal says it once below the fields. */
  utcInLabel?: boolean;
}) {
  const zone = utcInLabel ? " (UTC)" : "";
  return (
    <>
      <UtcDateTimeField
        id={`${idPrefix}-start`}
        label={`Window start${zone}`}
        name="windowStart"
        value={start}
        error={error("windowStart")}
      />
      <UtcDateTimeField
        id={`${idPrefix}-end`}
        label={`Window end${zone}`}
        name="windowEnd"
        value={end}
        error={error("windowEnd")}
      />
    </>
  );
}
