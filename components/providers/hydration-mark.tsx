"use client";
import { useEffect } from "react";

/**
 * The server renders `<html data-hydrating>`; this removes it once React has taken over the page,
 * and the inline script app/layout.tsx puts in <head> (HYDRATION_GUARD,
 * components/providers/hydration-guard.ts) then replays the clicks it held on script-only controls.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.removeAttribute("data-hydrating");
  }, []);
  return null;
}
