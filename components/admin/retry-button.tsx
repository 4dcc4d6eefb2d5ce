"use client";
import { retryMessageAction } from "@/app/(workspace)/admin/outbox/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export function RetryButton({ id }: { id: number }) {
  const { result, pending, onSubmit } = useActionForm(retryMessageAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} variant="secondary">
        Retry
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {result.message}
        </span>
      )}
    </form>
  );
}
