"use client";
import { useState } from "react";
import { acceptSolutionAction, rejectSolutionAction } from "@/app/portal/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { newRequestKey } from "@/lib/request-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * POR-1: a Resolved case asks the customer to answer the solution — Accept solution (→ Closed) or
 * Reject solution with a required reason (→ Open, the reason becomes their comment).
 */
export function PortalSolutionAnswer({
  number,
  version,
  resolutionNotes,
}: {
  number: string;
  /** The version the customer sees: accepting or rejecting a case changed since is refused (REC-6). */
  version: number;
  resolutionNotes: string;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [key] = useState(() => newRequestKey());
  const accept = useActionForm(acceptSolutionAction.bind(null, number));
  const reject = useActionForm(rejectSolutionAction.bind(null, number));
  const failure = [accept.result, reject.result].find((r) => r && !r.ok && !r.fieldErrors?.reason);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        A solution was proposed for this case. Does it solve your problem?
      </p>
      {resolutionNotes && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm whitespace-pre-wrap break-words text-slate-900">
          {resolutionNotes}
        </p>
      )}
      {failure && <Notice result={failure} />}
      <div className="flex flex-wrap gap-2">
        <form {...accept.formProps}>
          <input type="hidden" name="version" value={version} />
          <SubmitButton pending={accept.pending} pendingText="Accepting…">
            Accept solution
          </SubmitButton>
        </form>
        {!rejecting && (
          <Button variant="danger" onClick={() => setRejecting(true)}>
            Reject solution
          </Button>
        )}
      </div>
      {rejecting && (
        <form {...reject.formProps} className="space-y-3" noValidate aria-label="Reject the solution">
          <input type="hidden" name="idempotencyKey" value={key} />
          <input type="hidden" name="version" value={version} />
          <TextAreaField
            label="Reason"
            name="reason"
            rows={3}
            required
            hint="Tell us why the solution does not work for you."
            error={reject.fieldError("reason")}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" pending={reject.pending} pendingText="Rejecting…">
              Reject solution
            </SubmitButton>
            <Button variant="ghost" onClick={() => setRejecting(false)}>
              Back
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
