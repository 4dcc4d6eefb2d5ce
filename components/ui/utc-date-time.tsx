"use client";
import { useState } from "react";
import { useEarlyValue } from "./early-value";
import { controlClass, Field } from "./field";

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
  // Typed before the page's script ran: the hidden field sends it too.
  const early = useEarlyValue(setLocal);
  return (
    <Field label={label} id={id} error={error}>
      <input
        ref={early}
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
