"use client";
import { Dialog, DialogHeading } from "@ariakit/react/dialog";
import { createContext, useContext, useState, type RefObject } from "react";
import { cx } from "./cx";

// Why Ariakit (@ariakit/react 0.4.40) for the accessible primitives — combobox, menu, dialog,
// checkbox (this file, ui/menu.tsx, ui/checkbox.tsx, pickers/combobox.tsx): one tree-shakeable
// package with all four WAI-ARIA patterns (aria-activedescendant combobox with Home/End, menu
// button with arrow keys and typeahead, modal dialog with focus trap, focus return and an inert
// background, native checkbox with a mixed state), and nested popups that work inside a dialog.
// Measured 2026-11-22 (esbuild --minify, React external, gzip -9) for those four components:
//   Ariakit 49.2 KB · Headless UI 2.2.10 55.9 KB · Radix dropdown-menu + dialog + checkbox 32.4 KB,
//   but Radix has no combobox (ours would stay hand-made); React Aria Components not measured here.
// First-load JS (PERF-4; next build, gzip of every script the HTML names except Next's 38.6 KB of
// `noModule` polyfills, which module-capable browsers never fetch): agent case page 153.1 KB before,
// 205.7 KB with Ariakit (≤ 250 KB); portal 140.3 KB (≤ 150 KB; it loads no Ariakit).

/** Lets a form inside the dialog say it is sending (ui/dialog-form.tsx): Escape then waits. */
const SendingContext = createContext<((sending: boolean) => void) | null>(null);
export const useDialogSending = () => useContext(SendingContext);

/**
 * A modal dialog on Ariakit's Dialog: labelled by its title, focus moves into it and returns to the
 * opener (or `returnFocus`) when it closes, Escape closes it, and the page behind it is inert. A
 * click on the backdrop does not close it (the dialogs hold forms; a stray click must not lose
 * what was typed). Its content is mounted only while it is open: each opening starts afresh.
 * The dialog is rendered at the end of the page (a portal), so give its fields ids of their own
 * (`id="propose-work-notes"`): the default `f-<name>` may already label a field of the page.
 */
export function Modal({
  open,
  onClose,
  title,
  returnFocus,
  busy = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** A form of the dialog not built on DialogForm is sending: Escape waits as for DialogForm's. */
  busy?: boolean;
  /** Where focus goes on close when the opener is gone (e.g. a menu item): usually the menu button. */
  returnFocus?: RefObject<HTMLElement | null>;
  children: React.ReactNode;
}) {
  // PERF-8: a dialog that was never opened renders nothing — not even Ariakit's store (a page has
  // several: a closed Dialog cost ~0.5 ms of server rendering each). Once opened it stays mounted
  // (unmountOnHide hides it), so closing returns focus as before.
  const [opened, setOpened] = useState(open);
  // While a form of the dialog is sending, Escape does not close it (Dismiss is disabled then too):
  // closed mid-send, it could be opened afresh and sent again, and the first answer landed on the new
  // one — a bulk report shown for another selection, its refused cases replacing that selection.
  const [sending, setSending] = useState(false);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Dialog
      open={open}
      onClose={() => sending || busy || onClose()}
      hideOnEscape={!sending && !busy}
      unmountOnHide
      finalFocus={returnFocus}
      hideOnInteractOutside={false}
      backdrop={<div className="fixed inset-0 bg-slate-900/40" />}
      className={cx(
        "fixed inset-x-3 top-[10vh] z-50 mx-auto max-h-[80vh] max-w-lg overflow-auto",
        "rounded-xl border border-slate-200 bg-white shadow-xl focus:outline-none",
      )}
    >
      <div className="border-b border-slate-100 px-5 py-3">
        <DialogHeading render={<h2 />} className="text-base font-semibold">
          {title}
        </DialogHeading>
      </div>
      <div className="px-5 py-4">
        <SendingContext.Provider value={setSending}>{children}</SendingContext.Provider>
      </div>
    </Dialog>
  );
}
