"use client";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** A submit button that disables itself while its form is being sent (no double submits). */
export function SubmitButton({ children, pendingText, variant = "primary", name, value, className }: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} name={name} value={value} className={className}>
      {pending ? (pendingText ?? "Saving…") : children}
    </Button>
  );
}
