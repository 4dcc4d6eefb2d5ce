"use client";
import { useState } from "react";
import { controlClass, Field } from "@/components/ui/field";

/**
 * A date and time typed in UTC (the workspace's zone by default, SPEC §1 appointment windows),
 * submitted as exact ISO text with its zone, so the server never guesses one.
 */
export function UtcDateTimeField({
  id,
  label,
  name,
  value,
  error,
}: {
  /** Unique on the page: several tasks show these fields. */
  id: string;
  label: string;
  name: string;
  value: Date | string | null;
  error?: string;
}) {
  const [local, setLocal] = useState(value ? new Date(value).toISOString().slice(0, 16) : "");
  return (
    <Field label={label} id={id} error={error}>
      <input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={controlClass(error)}
      />
      <input type="hidden" name={name} value={local ? `${local}:00Z` : ""} />
    </Field>
  );
}

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
