"use client";
import { useRef, useState } from "react";
import { ConfirmRowAction } from "@/components/admin/confirm-row-action";
import { RowOutcome } from "@/components/admin/row-outcome";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * SET-2: Active or Inactive, with Deactivate (asks first, saying what happens) or Reactivate. The
 * answer stays beside the badge after the row changes; focus returns to the cell.
 */
export function ActiveToggle({
  action,
  fields,
  active,
  name,
  deactivateIntro,
}: {
  action: FormAction;
  fields: Record<string, string>;
  active: boolean;
  name: string;
  deactivateIntro: string;
}) {
  const [outcome, setOutcome] = useState<ActionResult | null>(null);
  const cell = useRef<HTMLDivElement>(null);
  const reactivate = useActionForm(action, setOutcome);
  return (
    <div ref={cell} tabIndex={-1} className="flex flex-wrap items-center gap-1 outline-none">
      <Badge tone={active ? "green" : "gray"}>{active ? "Active" : "Inactive"}</Badge>
      {active ? (
        <ConfirmRowAction
          action={action}
          fields={{ ...fields, active: "false" }}
          label="Deactivate"
          title={`Deactivate ${name}?`}
          intro={deactivateIntro}
          pendingText="Deactivating…"
          onDone={setOutcome}
          returnFocus={cell}
        />
      ) : (
        <form {...reactivate.formProps}>
          {Object.entries({ ...fields, active: "true" }).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <SubmitButton pending={reactivate.pending} variant="secondary" pendingText="Saving…">
            Reactivate
          </SubmitButton>
        </form>
      )}
      <RowOutcome
        result={outcome ?? (reactivate.result && !reactivate.result.ok ? reactivate.result : null)}
      />
    </div>
  );
}
