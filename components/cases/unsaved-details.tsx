"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LEAVE_EVENT } from "@/components/ui/leave";
import { Modal } from "@/components/ui/modal";

/**
 * The case form's Details hold what an agent typed until Save. A change made elsewhere on the page —
 * a lifecycle button, an Additional action, Related Records, a major case decision — saves the case
 * and re-renders Details with the stored values (the form remounts per version, REC-6), and a link
 * leaves the page: either would drop the typed text without a word. While Details has unsaved
 * edits, such a click is held and the agent chooses: keep editing (and Save first), or discard the
 * edits and go on with the click. A keyboard shortcut that leaves the page (WRK-6) is held the same way
 * (leaveVia); reloading or closing the tab gets the browser's own warning.
 *
 * Why a document-level guard rather than a check in each control: the controls live in a dozen
 * components (and Ariakit's menu), and a new one would be unguarded until someone remembered; the
 * areas that change the case say so once, with `data-case-change`.
 */
export const DETAILS_FORM = "Case details";
/** Sent to the Details form on Discard: it remounts with the stored values (its pickers' state too). */
export const DISCARD_DETAILS = "caseflow:discard-details";
const CHANGE_AREA = "[data-case-change]";

const dirtyDetails = () =>
  document.querySelector<HTMLFormElement>(`form[aria-label="${DETAILS_FORM}"][data-dirty="true"]`);

/** The element a click would act with, if it changes the case or leaves the page; else null. */
function heldTarget(event: MouseEvent): HTMLElement | null {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target.closest(`form[aria-label="${DETAILS_FORM}"]`) || target.closest('[role="dialog"]'))
    return null;
  const link = target.closest<HTMLAnchorElement>("a[href]");
  if (link) {
    // A new tab or window keeps this page as it is.
    const newTab = link.target === "_blank" || event.ctrlKey || event.metaKey || event.shiftKey;
    const samePage = link.getAttribute("href")?.startsWith("#");
    return newTab || samePage || link.hasAttribute("download") ? null : link;
  }
  const control = target.closest<HTMLElement>('button, [role="menuitem"], input[type="submit"]');
  return control && control.closest(CHANGE_AREA) ? control : null;
}

/** Marks the Details form as edited on any input (the form remounts clean after each save). */
export const markDetailsEdited = (event: React.FormEvent<HTMLFormElement>) => {
  event.currentTarget.dataset.dirty = "true";
};

export function UnsavedDetailsGuard() {
  // What the held action does once the person discards the edits.
  const [held, setHeld] = useState<(() => void) | null>(null);
  const passing = useRef(false);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (passing.current || event.button !== 0 || !dirtyDetails()) return;
      const target = heldTarget(event);
      if (!target) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // The held click, again, past the guard.
      setHeld(() => () => {
        passing.current = true;
        try {
          target.click();
        } finally {
          passing.current = false;
        }
      });
    };
    const onLeave = (event: Event) => {
      if (!dirtyDetails()) return;
      event.preventDefault();
      const go = (event as CustomEvent<() => void>).detail;
      setHeld(() => go);
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (dirtyDetails()) event.preventDefault();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener(LEAVE_EVENT, onLeave);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener(LEAVE_EVENT, onLeave);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, []);
  const discard = () => {
    window.dispatchEvent(new Event(DISCARD_DETAILS));
    const go = held;
    setHeld(null);
    // After the dialog has closed and given focus back.
    if (go) setTimeout(go);
  };
  return (
    <Modal open={held !== null} onClose={() => setHeld(null)} title="Unsaved changes in Details">
      <p className="text-sm text-slate-700">
        Your changes to Details have not been saved. Keep editing and press Save first, or discard them and go
        on.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={discard}>Discard changes</Button>
        <Button variant="primary" onClick={() => setHeld(null)}>
          Keep editing
        </Button>
      </div>
    </Modal>
  );
}
