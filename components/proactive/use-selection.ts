"use client";
import { useState } from "react";

/** Row selection over the visible rows (by case number): one box per row and a "Select all". */
export function useSelection(numbers: string[]) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // Only rows still shown count (a new page or filter drops the others).
  const selected = numbers.filter((n) => picked.has(n));
  const all: boolean | "mixed" =
    selected.length === 0 ? false : selected.length === numbers.length ? true : "mixed";
  return {
    selected,
    all,
    isSelected: (n: string) => picked.has(n),
    toggle: (n: string, on: boolean) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (on) next.add(n);
        else next.delete(n);
        return next;
      }),
    toggleAll: (on: boolean) => setPicked(new Set(on ? numbers : [])),
    clear: () => setPicked(new Set()),
    /** Only these stay selected (a bulk change's refused cases, to try again another way). */
    keepOnly: (keep: readonly string[]) => setPicked(new Set(keep)),
  };
}
