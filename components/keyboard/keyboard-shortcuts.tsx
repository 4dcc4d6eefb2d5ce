"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createKeybindingsHandler, type KeyBindingMap } from "tinykeys";
import {
  pageShortcutsListen,
  SEARCH_INPUT_ID,
  SHORTCUT_PATHS,
  shortcutsFor,
  type ShortcutCommand,
} from "@/lib/domain/keyboard/shortcuts";
import { leaveVia } from "@/components/ui/leave";
import { ShortcutHelp } from "./shortcut-help";

/** Open dialogs and menus own the keyboard (Ariakit keeps a closed menu in the page, hidden). */
const OVERLAYS = '[role="dialog"], [role="alertdialog"], [role="menu"], dialog[open]';
const overlayOpen = () =>
  Array.from(document.querySelectorAll(OVERLAYS)).some((el) => el.getClientRects().length > 0);

/**
 * WRK-6: the workspace's page shortcuts (lib/domain/keyboard/shortcuts.ts) on one keydown
 * listener, and the `?` dialog. tinykeys follows the sequences (`g c`) and the exact modifiers;
 * the domain's rule keeps every key typed in a field, or meant for an open dialog or menu, away.
 * Ctrl+Enter lives in the journal composer itself (components/journal/composer.tsx).
 */
export function KeyboardShortcuts({ canCreateCases }: { canCreateCases: boolean }) {
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);
  const shortcuts = shortcutsFor({ canCreateCases });

  useEffect(() => {
    const run: Record<Exclude<ShortcutCommand, "postJournal">, () => boolean> = {
      search: () => {
        const box = document.getElementById(SEARCH_INPUT_ID);
        box?.focus();
        return !!box;
      },
      // A page with unsaved edits may hold the navigation (leaveVia): it asks first.
      cases: () => (leaveVia(() => router.push(SHORTCUT_PATHS.cases)), true),
      myWork: () => (leaveVia(() => router.push(SHORTCUT_PATHS.myWork)), true),
      newCase: () => (leaveVia(() => router.push(SHORTCUT_PATHS.newCase)), true),
      help: () => (setHelpOpen(true), true),
    };
    const bindings: KeyBindingMap = {};
    for (const s of shortcutsFor({ canCreateCases })) {
      if (s.command === "postJournal") continue;
      const command = s.command;
      for (const b of s.bindings)
        bindings[b] = (e) => {
          // An earlier binding (a sequence completing on this key) has taken the press.
          if (e.defaultPrevented) return;
          if (run[command]()) e.preventDefault();
        };
    }
    const handle = createKeybindingsHandler(bindings);
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (
        pageShortcutsListen({
          target,
          composing: e.isComposing,
          overlayOpen: overlayOpen(),
          handled: e.defaultPrevented,
        })
      )
        handle(e);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, canCreateCases]);

  return <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={shortcuts} />;
}
