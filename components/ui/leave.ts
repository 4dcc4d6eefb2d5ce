"use client";

/** Sent before a navigation that is not a click on a link (a keyboard shortcut): a page may hold it. */
export const LEAVE_EVENT = "caseflow:leave";

/**
 * Runs `go` (a navigation) unless a guard on the page holds it — components/cases/unsaved-details.tsx
 * cancels the event while Details has unsaved edits, and runs `go` itself if the person discards them.
 */
export function leaveVia(go: () => void) {
  const event = new CustomEvent<() => void>(LEAVE_EVENT, { detail: go, cancelable: true });
  if (window.dispatchEvent(event)) go();
}
