import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

/** A button's look (app/globals.css .cf-btn and its variants); `extra` utilities win over it. */
export function buttonClass(variant: ButtonVariant = "secondary", extra = "") {
  return cx("cf-btn", variant, extra);
}

export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
