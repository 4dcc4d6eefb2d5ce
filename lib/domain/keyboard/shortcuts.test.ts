import { parseKeybinding } from "tinykeys";
import { describe, expect, it } from "vitest";
import {
  isTyping,
  pageShortcutsListen,
  SHORTCUTS,
  shortcutBindings,
  shortcutsFor,
  type KeyTarget,
} from "./shortcuts";

/** Each binding as tinykeys reads it: the presses, each its modifiers and key. */
const presses = (command: Parameters<typeof shortcutBindings>[0]) =>
  shortcutBindings(command).map((b) =>
    parseKeybinding(b).map(([mods, key]) => [...mods, String(key)].join("+")),
  );

const el = (
  tagName: string,
  extra: { contentEditable?: boolean; role?: string; type?: string } = {},
): KeyTarget => ({
  tagName,
  isContentEditable: extra.contentEditable ?? false,
  getAttribute: (name) =>
    name === "role" ? (extra.role ?? null) : name === "type" ? (extra.type ?? null) : null,
});

describe("the keyboard shortcut map (WRK-6)", () => {
  it("WRK-6: `/` search, `g c` cases, `g m` my work, `c` new case, Ctrl+Enter posts, `?` help — as tinykeys parses them", () => {
    expect(presses("search")).toEqual([["/"], ["Shift+/"]]);
    expect(presses("cases")).toEqual([["g", "c"]]);
    expect(presses("myWork")).toEqual([["g", "m"]]);
    expect(presses("newCase")).toEqual([["c"]]);
    expect(presses("help")).toEqual([["Shift+?"], ["?"]]);
    expect(presses("postJournal")).toEqual([["Control+Enter"], ["Meta+Enter"]]);
  });

  it("WRK-6: no two shortcuts share a binding, and only Ctrl+Enter acts inside a field (the composer's)", () => {
    const all = SHORTCUTS.flatMap((s) => s.bindings);
    expect(new Set(all).size).toBe(all.length);
    expect(SHORTCUTS.filter((s) => s.scope === "composer").map((s) => s.command)).toEqual(["postJournal"]);
  });

  it("WRK-6: a sequence ending on a key is checked before that key alone, so `g c` does not also press `c`", () => {
    const order = SHORTCUTS.flatMap((s) => s.bindings);
    for (const binding of order) {
      const keys = binding.split(" ");
      if (keys.length < 2) continue;
      const single = order.indexOf(keys[keys.length - 1]);
      if (single >= 0) expect(order.indexOf(binding)).toBeLessThan(single);
    }
    expect(order.indexOf("g c")).toBeLessThan(order.indexOf("c"));
  });

  it("WRK-6: `c` (New case) is offered only to people who may create cases; the dialog lists the rest to all", () => {
    expect(shortcutsFor({ canCreateCases: true }).map((s) => s.command)).toEqual([
      "cases",
      "myWork",
      "search",
      "newCase",
      "help",
      "postJournal",
    ]);
    expect(shortcutsFor({ canCreateCases: false }).map((s) => s.command)).not.toContain("newCase");
  });
});

describe("the typing rule (WRK-6)", () => {
  it("WRK-6: inputs, textareas, selects, editable content and ARIA text boxes are typing; buttons, links and the page are not", () => {
    for (const t of [
      el("INPUT"),
      el("input"),
      el("TEXTAREA"),
      el("SELECT"),
      el("DIV", { contentEditable: true }),
      el("DIV", { role: "textbox" }),
      el("SPAN", { role: "combobox" }),
    ])
      expect(isTyping(t)).toBe(true);
    for (const t of [el("BODY"), el("BUTTON"), el("A"), el("DIV", { role: "menuitem" }), null])
      expect(isTyping(t)).toBe(false);
    // A box just ticked (a list row's) takes no text: shortcuts still work from it.
    for (const type of ["checkbox", "radio", "CHECKBOX"]) expect(isTyping(el("INPUT", { type }))).toBe(false);
    expect(isTyping(el("INPUT", { type: "text" }))).toBe(true);
  });

  it("WRK-6: page shortcuts wait while typing, composing, with a dialog or menu open, or when the page handled the key", () => {
    const idle = { target: el("BODY"), composing: false, overlayOpen: false, handled: false };
    expect(pageShortcutsListen(idle)).toBe(true);
    expect(pageShortcutsListen({ ...idle, target: el("TEXTAREA") })).toBe(false);
    expect(pageShortcutsListen({ ...idle, composing: true })).toBe(false);
    expect(pageShortcutsListen({ ...idle, overlayOpen: true })).toBe(false);
    expect(pageShortcutsListen({ ...idle, handled: true })).toBe(false);
  });
});
