"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** One button acting on one row of an admin list (Retry a message): sends its id. */
export function RowActionButton({
  action,
  id,
  label,
  pendingText,
  variant = "secondary",
}: {
  action: FormAction;
  id: number;
  label: string;
  pendingText?: string;
  variant?: ButtonVariant;
}) {
  const { result, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} variant={variant} pendingText={pendingText}>
        {label}
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="text-xs text-red-700">
          {result.message}
        </span>
      )}
    </form>
  );
}
