import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 border-brand-700 shadow-sm",
  secondary: "bg-white text-slate-800 hover:bg-slate-50 border-slate-300 shadow-sm",
  danger: "bg-white text-red-700 hover:bg-red-50 border-red-300 shadow-sm",
  ghost: "bg-transparent text-slate-700 hover:bg-slate-200/70 border-transparent",
};

export function buttonClass(variant: ButtonVariant = "secondary", extra = "") {
  return cx(
    "inline-flex items-center justify-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium",
    "transition-colors disabled:cursor-not-allowed disabled:opacity-50",
    VARIANTS[variant],
    extra,
  );
}

export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
