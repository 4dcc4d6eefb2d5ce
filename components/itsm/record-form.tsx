"use client";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

type Save = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * The shell of the problem, change and request forms: version for stale saves (REC-6), field
 * errors, Save. The fields remount per version so they always show the stored values.
 */
export function RecordForm({
  save,
  version,
  writable,
  label,
  children,
}: {
  save: Save;
  version: number;
  writable: boolean;
  label: string;
  children: (err: (field: string) => string | undefined) => React.ReactNode;
}) {
  const { result, pending, fieldError, formProps } = useActionForm(save);
  return (
    <form key={version} {...formProps} className="space-y-4" noValidate aria-label={label}>
      <input type="hidden" name="version" value={version} />
      <Notice result={result} />
      <fieldset disabled={!writable} className="space-y-4">
        {children(fieldError)}
      </fieldset>
      {writable && (
        <div className="flex justify-end">
          <SubmitButton pending={pending}>Save</SubmitButton>
        </div>
      )}
    </form>
  );
}
