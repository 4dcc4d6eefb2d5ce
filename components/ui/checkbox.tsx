"use client";
import { useEffect, useRef, type ChangeEvent } from "react";

/**
 * A native checkbox named by `label` (row selection: "Select CS0001234"). `checked="mixed"` is the
 * partly-selected state of a "select all" box: the input's `indeterminate` property, which HTML has
 * no attribute for, is set after each render (assistive technology reads it from the input).
 *
 * Hand-written, not Ariakit's Checkbox (components/ui/modal.tsx says why Ariakit elsewhere): a list
 * page has fifty of these, and Ariakit's store per box cost its server render ~2 ms (PERF-8) for
 * what is a native input and one property.
 *
 * The admin Active switches stay `<button role="switch">` (components/ui/action-switch.tsx): each
 * is a submit button of its own server-action form, which is the WAI-ARIA switch pattern natively.
 */
export function Checkbox({
  label,
  checked,
  onChange,
  name,
  value,
  disabled,
}: {
  label: string;
  checked: boolean | "mixed";
  onChange: (checked: boolean, event: ChangeEvent<HTMLInputElement>) => void;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = checked === "mixed";
  }, [checked]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      checked={checked === true}
      onChange={(e) => onChange(e.currentTarget.checked, e)}
      name={name}
      value={value}
      disabled={disabled}
      className="cf-check"
      data-needs-script=""
    />
  );
}
