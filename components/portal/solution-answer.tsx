"use client";
import { useState } from "react";
import { acceptSolutionAction, rejectSolutionAction } from "@/app/portal/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { CaseState } from "@/lib/domain/records/choices";
import { newRequestKey } from "@/lib/request-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { PORTAL_CARD as card } from "./card";

const Notes = ({ text }: { text: string }) => (
  <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm whitespace-pre-wrap break-words text-slate-900">
    {text}
  </p>
);

/**
 * POR-1: the case's solution. A Resolved case asks the customer to answer it — Accept solution
 * (→ Closed) or Reject solution with a required reason (→ Open, the reason becomes their comment);
 * a Closed case shows the solution it closed with. Rendered for every state, so that it stays
 * mounted when the answer re-renders the page and can say what the answer did ("the case is
 * closed", "open again") where the buttons were.
 */
export function PortalSolution({
  number,
  state,
  version,
  resolutionNotes,
  canAccept = true,
}: {
  number: string;
  state: number;
  /** False on a major case that still has children to close: its team closes it with them (MAJ-5). */
  canAccept?: boolean;
  /** The version the customer sees: accepting or rejecting a case changed since is refused (REC-6). */
  version: number;
  resolutionNotes: string;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [key, setKey] = useState(() => newRequestKey());
  const accept = useActionForm(acceptSolutionAction.bind(null, number));
  // Mounted across answers: after a rejection the form closes and the next one (a later proposal,
  // rejected again) gets a key of its own — reused, its reason was dropped as a duplicate.
  const reject = useActionForm(rejectSolutionAction.bind(null, number), () => {
    setRejecting(false);
    setKey(newRequestKey());
  });
  const failure = [accept.result, reject.result].find((r) => r && !r.ok && !r.fieldErrors?.reason);

  if (state === CaseState.Resolved)
    return (
      <section className={card} aria-labelledby="solution-heading">
        <h2 id="solution-heading" className="mb-2 text-base font-semibold">
          Proposed solution
        </h2>
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            {canAccept
              ? "A solution was proposed for this case. Does it solve your problem?"
              : "A solution was proposed for this case. It coordinates other customers' cases too: our " +
                "support team closes it together with them. If the solution does not work for you, reject it."}
          </p>
          {resolutionNotes && <Notes text={resolutionNotes} />}
          {failure && <Notice result={failure} />}
          <div className="flex flex-wrap gap-2">
            {canAccept && (
              <form {...accept.formProps}>
                <input type="hidden" name="version" value={version} />
                <SubmitButton pending={accept.pending} pendingText="Accepting…">
                  Accept solution
                </SubmitButton>
              </form>
            )}
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
                // Opened by the person's click: the field they must fill takes the focus.
                autoFocus
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
      </section>
    );
  const accepted = accept.result?.ok === true;
  const rejected = reject.result?.ok === true && state === CaseState.Open;
  const closedWithNotes = state === CaseState.Closed && !!resolutionNotes;
  if (!accepted && !rejected && !closedWithNotes) return null;
  return (
    <section className={card} aria-labelledby="solution-heading">
      <h2 id="solution-heading" className="mb-2 text-base font-semibold">
        Solution
      </h2>
      <div className="space-y-3">
        {accepted && (
          <Notice
            result={{ ok: true, message: "Thank you — you accepted the solution, and the case is closed." }}
          />
        )}
        {rejected && (
          <Notice
            result={{
              ok: true,
              message: "The case is open again: we will look at it with the reason you gave.",
            }}
          />
        )}
        {closedWithNotes && <Notes text={resolutionNotes} />}
      </div>
    </section>
  );
}
