"use client";
import { Menu, MenuButton, MenuItem, useMenuStore } from "@ariakit/react/menu";
import type { Ref } from "react";
import { buttonClass } from "./button";
import { cx } from "./cx";

/**
 * A menu button on Ariakit's Menu (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens
 * it on the first item, ArrowUp on the last; arrow keys, Home/End and typing a letter move
 * between items; Enter chooses; Escape closes and returns focus to the button. The menu is named
 * by its button. Why Ariakit, and what it costs: components/ui/modal.tsx.
 */
export function ActionMenu({
  label,
  items,
  onChoose,
  busy,
  buttonRef,
}: {
  /** The button's name, also the menu's. */
  label: string;
  items: readonly string[];
  onChoose: (item: string) => void;
  /** While set, the button is disabled and shows this text instead of the label. */
  busy?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const menu = useMenuStore({ placement: "bottom-end" });
  return (
    <>
      <MenuButton store={menu} ref={buttonRef} disabled={!!busy} className={buttonClass("secondary")}>
        {busy ?? label} <span aria-hidden>▾</span>
      </MenuButton>
      {/* PERF-8: the items are rendered while the menu is shown, not with every page. */}
      <Menu
        store={menu}
        // Escape closes the menu once, now, and goes no further (a dialog around it stays open).
        // Ariakit's own Escape (a Hovercard's) hides the menu again two animation frames later,
        // which shut a menu reopened by ArrowDown in between: on a busy machine the frames came
        // after the reopen (seen in CI: e2e/keyboard.spec.ts).
        hideOnEscape={false}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.stopPropagation();
          menu.hide();
        }}
        unmountOnHide
        gutter={4}
        className="z-30 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg focus:outline-none"
      >
        {items.map((item) => (
          <MenuItem
            key={item}
            onClick={() => onChoose(item)}
            className={cx(
              "block w-full cursor-pointer px-3 py-1.5 text-left text-sm text-slate-800 outline-none",
              "data-active-item:bg-brand-50 data-active-item:text-brand-700",
            )}
          >
            {item}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
