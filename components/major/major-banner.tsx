"use client";
import Link from "@/components/ui/link";
import { useState, useTransition } from "react";
import { acceptMajorCaseAction, rejectMajorCaseAction } from "@/app/(workspace)/cases/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { DialogForm } from "@/components/ui/dialog-form";
import type { ActionResult } from "@/lib/domain/action-result";
import { MajorCaseState } from "@/lib/domain/records/choices";

type Props = {
  number: string;
  majorCaseState: string;
  businessImpact: string | null;
  rejectionReason: string | null;
  parent: { number: string; shortDescription: string } | null;
  childCount: number;
  canDecide: boolean;
};

/** Where the case stands in major case management (MAJ-1, MAJ-3), with the manager's decision. */
export function MajorBanner(p: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [accepting, start] = useTransition();
  const [acceptResult, setAcceptResult] = useState<ActionResult | null>(null);
  if (p.parent) {
    return (
      <Banner tone="violet">
        Child of major case{" "}
        <Link className="font-semibold underline" href={`/cases/${p.parent.number}`}>
          {p.parent.number}
        </Link>{" "}
        — {p.parent.shortDescription}. Related records are managed on the major case.
      </Banner>
    );
  }
  if (p.majorCaseState === MajorCaseState.Accepted) {
    return (
      <Banner tone="violet">
        <strong>Major case</strong> with {p.childCount} child case{p.childCount === 1 ? "" : "s"}.
        {p.businessImpact && <> Business impact: {p.businessImpact}</>}
      </Banner>
    );
  }
  if (p.majorCaseState === MajorCaseState.Rejected && p.rejectionReason) {
    return <Banner tone="slate">Major case proposal rejected: {p.rejectionReason}</Banner>;
  }
  if (p.majorCaseState !== MajorCaseState.Proposed) return null;
  return (
    <Banner tone="amber">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <strong>Major case candidate.</strong> Business impact: {p.businessImpact}
        </div>
        {p.canDecide && (
          <div className="flex gap-2">
            <Button
              variant="primary"
              disabled={accepting}
              onClick={() => start(async () => setAcceptResult(await acceptMajorCaseAction(p.number)))}
            >
              {accepting ? "Accepting…" : "Accept Major Case"}
            </Button>
            <Button variant="danger" onClick={() => setRejecting(true)}>
              Reject Major Case
            </Button>
          </div>
        )}
      </div>
      {acceptResult && !acceptResult.ok && (
        <div className="mt-2">
          <Notice result={acceptResult} />
        </div>
      )}
      <Modal open={rejecting} onClose={() => setRejecting(false)} title="Reject Major Case">
        <RejectForm
          number={p.number}
          onCancel={() => setRejecting(false)}
          onDone={() => setRejecting(false)}
        />
      </Modal>
    </Banner>
  );
}

function RejectForm({
  number,
  onCancel,
  onDone,
}: {
  number: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  return (
    <DialogForm
      action={rejectMajorCaseAction.bind(null, number)}
      onDone={onDone}
      onCancel={onCancel}
      submit="Reject"
      pendingText="Rejecting…"
      variant="danger"
    >
      {(fieldError) => (
        <TextAreaField
          label="Reason"
          name="reason"
          id="reject-reason"
          rows={3}
          required
          error={fieldError("reason")}
        />
      )}
    </DialogForm>
  );
}

const TONES = {
  violet: "border-violet-200 bg-violet-50 text-violet-900",
  amber: "border-amber-200 bg-amber-50 text-amber-900",
  slate: "border-slate-200 bg-white text-slate-700",
};
function Banner({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return (
    <div role="note" className={`rounded-lg border px-4 py-2.5 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
