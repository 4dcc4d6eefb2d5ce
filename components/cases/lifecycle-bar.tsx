"use client";
import { useState } from "react";
import { caseLifecycleAction } from "@/app/(workspace)/cases/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { caseResolutionCodes } from "@/lib/domain/records/choices";

type CaseAction = { id: string; label: string };

/** Accept, Request Info, Propose Solution, Close, Cancel, Reopen — only those legal now. */
export function LifecycleBar({ number, version, actions, suggestion }: {
  number: string;
  version: number;
  actions: CaseAction[];
  suggestion?: { resolutionCode: string; resolutionNotes: string };
}) {
  const { result, pending, onSubmit, fieldError: err } = useActionForm(caseLifecycleAction.bind(null, number));
  const [proposing, setProposing] = useState(false);
  if (!actions.length) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {actions.map((a) =>
          a.id === "propose_solution" ? (
            <Button key={a.id} variant="primary" onClick={() => setProposing(true)}>{a.label}</Button>
          ) : (
            <form key={a.id} onSubmit={onSubmit}>
              <input type="hidden" name="action" value={a.id} />
              <input type="hidden" name="version" value={version} />
              <SubmitButton pending={pending} pendingText={a.label} variant={a.id === "cancel" ? "danger" : a.id === "accept" ? "primary" : "secondary"}>{a.label}</SubmitButton>
            </form>
          ),
        )}
      </div>
      {result && !result.ok && !proposing && <Notice result={result} />}
      <Modal open={proposing} onClose={() => setProposing(false)} title="Propose solution">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="action" value="propose_solution" />
          <input type="hidden" name="version" value={version} />
          {result && !result.ok && <Notice result={result} />}
          <SelectField label="Resolution code" name="resolutionCode" options={caseResolutionCodes} blank="— Pick a code —" defaultValue={suggestion?.resolutionCode ?? ""} error={err("resolutionCode")} />
          <TextAreaField label="Resolution notes" name="resolutionNotes" rows={4} defaultValue={suggestion?.resolutionNotes ?? ""} error={err("resolutionNotes")} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setProposing(false)}>Dismiss</Button>
            <SubmitButton pending={pending} pendingText="Resolving…">Propose Solution</SubmitButton>
          </div>
        </form>
      </Modal>
    </div>
  );
}
