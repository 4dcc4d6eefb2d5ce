"use client";
import { createContext, useContext } from "react";

/**
 * The workspace's time zone (TZ on the server, default UTC), given once by the root layout: the
 * zone every page writes times in, so the date fields are typed in it too (lib/domain/wall-time.ts).
 */
const TimeZone = createContext("UTC");

export function TimeZoneProvider({ zone, children }: { zone: string; children: React.ReactNode }) {
  return <TimeZone value={zone}>{children}</TimeZone>;
}

export const useTimeZone = () => useContext(TimeZone);
