"use client";
import { useState } from "react";
import { caseLifecycleAction } from "@/app/(workspace)/cases/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfirmChildren } from "@/components/major/confirm-children";
import { cx } from "@/components/ui/cx";
import { resolutionCodesBut } from "@/lib/domain/records/choices";

type CaseAction = { id: string; label: string };

/** The moves that cannot be undone ask first (a misclick next to Accept cancelled a case). */
const CONFIRM: Record<string, { title: string; text: string; button: string }> = {
  cancel: {
    title: "Cancel this case?",
    text: "A cancelled case cannot be changed or reopened.",
    button: "Cancel case",
  },
  close: {
    title: "Close this case?",
    text: "A closed case cannot be changed or reopened.",
    button: "Close case",
  },
};

/** Accept, Request Info, Propose Solution, Close, Cancel, Reopen — only those legal now. */
export function LifecycleBar({
  number,
  version,
  actions,
  suggestion,
  withheldCodes,
}: {
  number: string;
  version: number;
  actions: CaseAction[];
  /** ITSM-4: a related record closed — offer its resolution, prefilled; the agent confirms. */
  suggestion?: { resolutionCode: string; resolutionNotes: string; because: string };
  /** ITSM-5: the resolution codes not offered (an inactive plugin's); usually none. */
  withheldCodes?: string[];
}) {
  const [proposing, setProposing] = useState(false);
  const [asking, setAsking] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const {
    result,
    pending,
    fieldError: err,
    resubmit,
    needsConfirmation,
    dismissConfirmation,
    formProps,
  } = useActionForm(caseLifecycleAction.bind(null, number), () => {
    setProposing(false);
    setAsking(false);
    setConfirming(null);
  });
  const confirm = confirming ? CONFIRM[confirming] : null;
  if (!actions.length) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      {suggestion && (
        <div
          className={cx(
            "flex items-center gap-2 rounded-md border border-emerald-200",
            "bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900",
          )}
        >
          <span>{suggestion.because}.</span>
          <Button variant="primary" onClick={() => setProposing(true)}>
            Resolve with: {suggestion.resolutionCode}
          </Button>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {actions.map((a) =>
          a.id === "propose_solution" ? (
            <Button key={a.id} variant="primary" onClick={() => setProposing(true)}>
              {a.label}
            </Button>
          ) : a.id === "request_info" ? (
            <Button key={a.id} onClick={() => setAsking(true)}>
              {a.label}
            </Button>
          ) : CONFIRM[a.id] ? (
            <Button
              key={a.id}
              variant={a.id === "cancel" ? "danger" : "secondary"}
              onClick={() => setConfirming(a.id)}
            >
              {a.label}
            </Button>
          ) : (
            <form key={a.id} {...formProps}>
              <input type="hidden" name="action" value={a.id} />
              <input type="hidden" name="version" value={version} />
              <SubmitButton
                pending={pending}
                pendingText={a.label}
                variant={a.id === "cancel" ? "danger" : a.id === "accept" ? "primary" : "secondary"}
              >
                {a.label}
              </SubmitButton>
            </form>
          ),
        )}
      </div>
      {result && !result.ok && !proposing && !asking && !confirming && !needsConfirmation && (
        <Notice result={result} />
      )}
      <ConfirmChildren
        message={needsConfirmation}
        pending={pending}
        resubmit={resubmit}
        onDismiss={dismissConfirmation}
      />
      <Modal
        open={!!confirm && !needsConfirmation}
        onClose={() => setConfirming(null)}
        title={confirm?.title ?? ""}
        busy={pending}
      >
        <form {...formProps} className="space-y-4">
          <input type="hidden" name="action" value={confirming ?? ""} />
          <input type="hidden" name="version" value={version} />
          {result && !result.ok && !needsConfirmation && <Notice result={result} />}
          <p className="text-sm text-slate-700">{confirm?.text}</p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirming(null)} disabled={pending}>
              Keep it
            </Button>
            <SubmitButton
              pending={pending}
              pendingText={confirm?.button ?? ""}
              variant={confirming === "cancel" ? "danger" : "primary"}
            >
              {confirm?.button}
            </SubmitButton>
          </div>
        </form>
      </Modal>
      {/* NOT-1: the question becomes an additional comment and the text of the customer's email. */}
      <Modal open={asking} onClose={() => setAsking(false)} title="Request info" busy={pending}>
        <form {...formProps} className="space-y-4" noValidate>
          <input type="hidden" name="action" value="request_info" />
          <input type="hidden" name="version" value={version} />
          {result && !result.ok && !needsConfirmation && !result.fieldErrors && <Notice result={result} />}
          <TextAreaField
            label="Question"
            name="question"
            id="request-info-question"
            rows={4}
            required
            hint="The customer gets it by email and sees it on the case in the portal."
            error={err("question")}
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setAsking(false)} disabled={pending}>
              Dismiss
            </Button>
            <SubmitButton pending={pending} pendingText="Sending…">
              Request Info
            </SubmitButton>
          </div>
        </form>
      </Modal>
      <Modal open={proposing} onClose={() => setProposing(false)} title="Propose solution" busy={pending}>
        <form {...formProps} className="space-y-4" noValidate>
          <input type="hidden" name="action" value="propose_solution" />
          <input type="hidden" name="version" value={version} />
          {/* A field's refusal shows under its field only (it showed twice, above too). */}
          {result && !result.ok && !needsConfirmation && !result.fieldErrors && <Notice result={result} />}
          <SelectField
            label="Resolution code"
            name="resolutionCode"
            id="propose-resolution-code"
            options={resolutionCodesBut(withheldCodes)}
            blank="— Pick a code —"
            defaultValue={suggestion?.resolutionCode ?? ""}
            error={err("resolutionCode")}
          />
          <TextAreaField
            label="Resolution notes"
            name="resolutionNotes"
            id="propose-resolution-notes"
            rows={4}
            defaultValue={suggestion?.resolutionNotes ?? ""}
            error={err("resolutionNotes")}
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setProposing(false)} disabled={pending}>
              Dismiss
            </Button>
            <SubmitButton pending={pending} pendingText="Resolving…">
              Propose Solution
            </SubmitButton>
          </div>
        </form>
      </Modal>
    </div>
  );
}
