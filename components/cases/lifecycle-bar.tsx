"use client";
import { useActionState, useState } from "react";
import { caseLifecycleAction } from "@/app/(workspace)/cases/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { caseResolutionCodes } from "@/lib/domain/records/choices";
import type { ActionResult } from "@/lib/server/errors";

type CaseAction = { id: string; label: string };

/** Accept, Request Info, Propose Solution, Close, Cancel, Reopen — only those legal now. */
export function LifecycleBar({ number, version, actions, suggestion }: {
  number: string;
  version: number;
  actions: CaseAction[];
  suggestion?: { resolutionCode: string; resolutionNotes: string };
}) {
  const [result, run] = useActionState<ActionResult | null, FormData>(caseLifecycleAction.bind(null, number), null);
  const [proposing, setProposing] = useState(false);
  const err = (f: string) => (result && !result.ok ? result.fieldErrors?.[f] : undefined);
  if (!actions.length) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {actions.map((a) =>
          a.id === "propose_solution" ? (
            <Button key={a.id} variant="primary" onClick={() => setProposing(true)}>{a.label}</Button>
          ) : (
            <form key={a.id} action={run}>
              <input type="hidden" name="action" value={a.id} />
              <input type="hidden" name="version" value={version} />
              <SubmitButton variant={a.id === "cancel" ? "danger" : a.id === "accept" ? "primary" : "secondary"} pendingText={`${a.label}…`}>{a.label}</SubmitButton>
            </form>
          ),
        )}
      </div>
      {result && !result.ok && !proposing && <Notice result={result} />}
      <Modal open={proposing} onClose={() => setProposing(false)} title="Propose solution">
        <form action={run} className="space-y-4" noValidate>
          <input type="hidden" name="action" value="propose_solution" />
          <input type="hidden" name="version" value={version} />
          {result && !result.ok && <Notice result={result} />}
          <SelectField label="Resolution code" name="resolutionCode" options={caseResolutionCodes} blank="— Pick a code —" defaultValue={suggestion?.resolutionCode ?? ""} error={err("resolutionCode")} />
          <TextAreaField label="Resolution notes" name="resolutionNotes" rows={4} defaultValue={suggestion?.resolutionNotes ?? ""} error={err("resolutionNotes")} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setProposing(false)}>Dismiss</Button>
            <SubmitButton pendingText="Resolving…">Propose Solution</SubmitButton>
          </div>
        </form>
      </Modal>
    </div>
  );
}
