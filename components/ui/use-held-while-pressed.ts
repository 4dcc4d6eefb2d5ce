"use client";
import { useEffect, useRef, useState } from "react";

/**
 * A list that changes while it is shown — search results arriving for text typed a moment ago —
 * is held as it was from the moment a pointer is pressed in it until the press ends, so the release
 * and its click land on the item that was pressed, not on whatever the new answer put under the
 * pointer. Seen in CI: a picker's results were replaced between mousedown and mouseup (the answer
 * for "relay" replaced the list shown for ""), the click hit no item and the pick was lost.
 *
 * Returns the value to render and the handler for the list's `onPointerDown`. Hand-written: a
 * dozen lines holding one render; no library does this.
 */
export function useHeldWhilePressed<T>(value: T) {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  const release = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => release.current?.(), []);
  const onPointerDown = () => {
    if (release.current) return;
    setHeld({ value });
    const end = () => {
      removeEventListener("pointerup", end, true);
      removeEventListener("pointercancel", end, true);
      release.current = undefined;
      // The click follows pointerup in the same task: let it reach the held item first.
      setTimeout(() => setHeld(null));
    };
    addEventListener("pointerup", end, true);
    addEventListener("pointercancel", end, true);
    release.current = end;
  };
  return [held ? held.value : value, onPointerDown] as const;
}
