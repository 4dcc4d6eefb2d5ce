"use client";
import { Checkbox as AriakitCheckbox } from "@ariakit/react/checkbox";
import type { ChangeEvent } from "react";

/**
 * A native checkbox on Ariakit's Checkbox, named by `label` (row selection: "Select CS0001234").
 * `checked="mixed"` is the partly-selected state of a "select all" box: Ariakit sets the input's
 * `indeterminate` property, which HTML has no attribute for. Why Ariakit: components/ui/modal.tsx.
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
  return (
    <AriakitCheckbox
      aria-label={label}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked, e)}
      name={name}
      value={value}
      disabled={disabled}
      className="h-4 w-4 cursor-pointer rounded border-slate-400 accent-brand-600 disabled:cursor-not-allowed"
    />
  );
}
