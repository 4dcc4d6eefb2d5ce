"use client";
import { useEffect, useRef, useState } from "react";

/**
 * PERF-8: a typeahead drawn as a plain input until first focused (the pickers, the header's
 * Search). `typed` is null while dormant; a focus wakes it with the text the plain input held, so
 * what was typed before the page's script ran is kept. React does not replay a focus from before
 * hydration, so a plain input that already has focus when the page hydrates wakes then.
 */
export function useWakeOnFocus() {
  const [typed, setTyped] = useState<string | null>(null);
  const plain = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (plain.current && document.activeElement === plain.current) setTyped(plain.current.value);
  }, []);
  const onFocus = (e: React.FocusEvent<HTMLInputElement>) => setTyped(e.currentTarget.value);
  return { typed, plain, onFocus };
}
