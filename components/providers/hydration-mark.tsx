"use client";
import { useEffect } from "react";
import { HYDRATION_GUARD } from "./hydration-guard";

/**
 * The server renders `<html data-hydrating>`; this removes it once React has taken over the page,
 * and the inline script app/layout.tsx puts in <head> (HydrationGuard below) then replays the
 * clicks it held on script-only controls.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.removeAttribute("data-hydrating");
  }, []);
  return null;
}

/**
 * The guard's inline script (HYDRATION_GUARD, components/providers/hydration-guard.ts) in <head>.
 * Drawn by a client component, so its text travels once in the page's JavaScript, which the
 * browser keeps. Written by the root layout itself, it went into every page's RSC payload (~1.3 KB),
 * which the server serialized, parsed back and embedded in the HTML as an escaped string a
 * second time, on every request (PERF-8); now the payload carries only the nonce.
 */
export function HydrationGuard({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: HYDRATION_GUARD }} />;
}
