"use client";
import { DateTimeField } from "@/components/ui/date-time-field";

/** The appointment window's two fields (windowStart, windowEnd), as every window form shows them. */
export function AppointmentWindowFields({
  idPrefix,
  start = null,
  end = null,
  error,
  zoneInLabel = true,
}: {
  /** Unique on the page: `<idPrefix>-start` and `<idPrefix>-end`. */
  idPrefix: string;
  start?: Date | string | null;
  end?: Date | string | null;
  error: (field: "windowStart" | "windowEnd") => string | undefined;
  /** The workspace labels name the zone ("Window start (UTC)"); the portal says it once below the fields. */
  zoneInLabel?: boolean;
}) {
  return (
    <>
      <DateTimeField
        id={`${idPrefix}-start`}
        label="Window start"
        zoneInLabel={zoneInLabel}
        name="windowStart"
        value={start}
        error={error("windowStart")}
      />
      <DateTimeField
        id={`${idPrefix}-end`}
        label="Window end"
        zoneInLabel={zoneInLabel}
        name="windowEnd"
        value={end}
        error={error("windowEnd")}
      />
    </>
  );
}
