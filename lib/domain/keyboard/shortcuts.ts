// WRK-6: the workspace's keyboard shortcuts, defined once. The key handler
// (components/keyboard/keyboard-shortcuts.tsx), the journal composer and the `?` dialog all read
// this map; tinykeys (a maintained ~650 B library) parses the bindings and follows the sequences.

export type ShortcutCommand = "search" | "cases" | "myWork" | "newCase" | "postJournal" | "help";

export type Shortcut = {
  command: ShortcutCommand;
  /**
   * tinykeys bindings: presses separated by a space ("g c"), modifiers joined with "+". A binding
   * fires only with exactly the modifiers it names. For a punctuation key Shift is part of typing
   * the character (`?` is Shift+/ on a US keyboard, `/` is Shift+7 on a German one), so both
   * forms are bound; Ctrl, Alt and Meta never are unless named.
   */
  bindings: readonly string[];
  /** What the `?` dialog shows: each press, as the keys to hold together. */
  keys: readonly (readonly string[])[];
  description: string;
  /** "composer": only inside the journal composer, fields included; "page": never while typing. */
  scope: "page" | "composer";
};

/** The header's global search box: `/` focuses it, and does nothing on a page without one. */
export const SEARCH_INPUT_ID = "global-search";

export const SHORTCUT_PATHS = { cases: "/cases", myWork: "/my-work", newCase: "/cases/new" } as const;

/**
 * In the order a key press is checked: a two-key sequence completing on a key comes before any
 * single-key shortcut of that key, and takes it (`g c` goes to Cases; it does not also press `c`).
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: "cases", bindings: ["g c"], keys: [["g"], ["c"]], description: "Go to Cases", scope: "page" },
  { command: "myWork", bindings: ["g m"], keys: [["g"], ["m"]], description: "Go to My work", scope: "page" },
  {
    command: "search",
    bindings: ["/", "Shift+/"],
    keys: [["/"]],
    description: "Search (focus the search box)",
    scope: "page",
  },
  { command: "newCase", bindings: ["c"], keys: [["c"]], description: "New case", scope: "page" },
  {
    command: "help",
    bindings: ["Shift+?", "?"],
    keys: [["?"]],
    description: "Show these keyboard shortcuts",
    scope: "page",
  },
  {
    command: "postJournal",
    bindings: ["Control+Enter", "Meta+Enter"],
    keys: [["Ctrl", "Enter"]],
    description: "Post the work note or comment being written (⌘ Enter on macOS)",
    scope: "composer",
  },
];

const byCommand = (command: ShortcutCommand) => SHORTCUTS.find((s) => s.command === command)!;
export const shortcutBindings = (command: ShortcutCommand) => byCommand(command).bindings;

/** The shortcuts this person has: `c` only for those who may create cases (the New case button's rule). */
export function shortcutsFor(who: { canCreateCases: boolean }): Shortcut[] {
  return SHORTCUTS.filter((s) => s.command !== "newCase" || who.canCreateCases);
}

/** What a key press happened in: an element (its tag, editability and ARIA role) — or nothing. */
export type KeyTarget = {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
} | null;

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
const TYPING_ROLES = new Set(["textbox", "searchbox", "combobox", "spinbutton"]);

/** The "is typing" rule: a key pressed in a field (input, textarea, select, editable content) types there. */
export function isTyping(target: KeyTarget): boolean {
  if (!target) return false;
  // A checkbox or radio button takes no text: a row's box just ticked leaves `/` and `g c` working.
  const type = target.getAttribute?.("type")?.toLowerCase();
  if (target.tagName.toUpperCase() === "INPUT" && (type === "checkbox" || type === "radio")) return false;
  if (TYPING_TAGS.has(target.tagName.toUpperCase()) || target.isContentEditable) return true;
  const role = target.getAttribute?.("role");
  return !!role && TYPING_ROLES.has(role);
}

/**
 * Whether a page shortcut may act on this key press: never while typing in a field, while an
 * input method is composing, while a dialog or menu is open (their keys are theirs: a menu's
 * typeahead, a dialog's fields), or when something on the page already handled the key.
 */
export function pageShortcutsListen(press: {
  target: KeyTarget;
  composing: boolean;
  overlayOpen: boolean;
  handled: boolean;
}): boolean {
  return !press.handled && !press.composing && !press.overlayOpen && !isTyping(press.target);
}
