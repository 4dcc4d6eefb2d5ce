"use client";
import { useState } from "react";
import { useTimeZone } from "@/components/providers/time-zone";
import { instantOfWallTime, wallTimeOf } from "@/lib/domain/wall-time";
import { useEarlyValue } from "./early-value";
import { controlClass, Field } from "./field";

/**
 * A date and time typed as wall-clock time in the workspace's zone (the zone every page shows
 * times in; SPEC §1 appointment windows, a change's planned dates), submitted as exact ISO text with
 * its offset, so the server never guesses a zone. The label names the zone unless `zoneInLabel` is
 * false (the portal says it once below its fields).
 */
export function DateTimeField({
  id,
  label,
  name,
  value,
  error,
  zoneInLabel = true,
}: {
  /** Unique on the page: several tasks show these fields. */
  id: string;
  label: string;
  name: string;
  value: Date | string | null;
  error?: string;
  zoneInLabel?: boolean;
}) {
  const zone = useTimeZone();
  const [local, setLocal] = useState(() => wallTimeOf(value, zone));
  // Typed before the page's script ran: the hidden field sends it too.
  const early = useEarlyValue(setLocal);
  return (
    <Field label={zoneInLabel ? `${label} (${zone})` : label} id={id} error={error}>
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
      <input type="hidden" name={name} value={instantOfWallTime(local, zone)} />
    </Field>
  );
}
