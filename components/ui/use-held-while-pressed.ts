"use client";
import { useEffect, useRef, useState, type PointerEvent } from "react";

/** What ends a press without a click, or after one; on window, in the capture phase. */
const PRESS_ENDS = ["click", "pointercancel", "contextmenu", "dragstart"] as const;
/** A press whose pointerup brings no click (released off any item) lets go after this. */
const NO_CLICK_MS = 1_000;

/**
 * A list that changes while it is shown — search results arriving for text typed a moment ago —
 * is held as it was from the moment a pointer is pressed in it until the press ends, so the release
 * and its click land on the item that was pressed, not on whatever the new answer put under the
 * pointer. Seen in CI: a picker's results were replaced between mousedown and mouseup (the answer
 * for "relay" replaced the list shown for ""), the click hit no item and the pick was lost.
 *
 * The hold ends with the click (touch sends it in a later task than pointerup), or without one:
 * a cancelled press, a context menu, a drag, the window losing focus or being hidden, or a second
 * after a pointerup that brought no click. Only a primary press holds: after a right click's
 * context menu no pointerup may reach the page.
 *
 * Returns the value to render and the handler for the list's `onPointerDown`. Hand-written: a
 * few lines holding one render; no library does this.
 */
export function useHeldWhilePressed<T>(value: T) {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  const release = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => release.current?.(), []);
  const onPointerDown = (event: PointerEvent) => {
    if (release.current || event.button !== 0 || !event.isPrimary) return;
    // A press just after the last one let go holds what is on screen, not a newer answer.
    setHeld((h) => h ?? { value });
    let noClick: number | undefined;
    const afterUp = () => {
      noClick = window.setTimeout(end, NO_CLICK_MS);
    };
    const end = () => {
      for (const type of PRESS_ENDS) removeEventListener(type, end, true);
      removeEventListener("pointerup", afterUp, true);
      removeEventListener("blur", end);
      document.removeEventListener("visibilitychange", end);
      clearTimeout(noClick);
      release.current = undefined;
      // Runs in the click's capture phase: let the click reach the held item first.
      setTimeout(() => setHeld(null));
    };
    for (const type of PRESS_ENDS) addEventListener(type, end, true);
    addEventListener("pointerup", afterUp, true);
    addEventListener("blur", end); // the window's own, not a field's (those do not bubble)
    document.addEventListener("visibilitychange", end);
    release.current = end;
  };
  return [held ? held.value : value, onPointerDown] as const;
}
