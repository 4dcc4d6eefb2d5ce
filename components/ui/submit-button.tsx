"use client";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/**
 * A submit button that disables itself while its form is being sent (no double submits).
 * Pass `pending` for forms submitted through useActionForm; otherwise the form status is used.
 */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  name,
  value,
  className,
  pending,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  className?: string;
  pending?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={busy}
      aria-disabled={busy}
      name={name}
      value={value}
      className={className}
    >
      {busy ? (pendingText ?? "Saving…") : children}
    </Button>
  );
}
