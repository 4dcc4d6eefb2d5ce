"use client";
import Link from "@/components/ui/link";
import { useState } from "react";
import { acceptMajorCaseAction, rejectMajorCaseAction } from "@/app/(workspace)/cases/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { DialogForm } from "@/components/ui/dialog-form";
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
  const [deciding, setDeciding] = useState<"accept" | "reject" | null>(null);
  const close = () => setDeciding(null);
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
            <Button variant="primary" onClick={() => setDeciding("accept")}>
              Accept Major Case
            </Button>
            <Button variant="danger" onClick={() => setDeciding("reject")}>
              Reject Major Case
            </Button>
          </div>
        )}
      </div>
      <Modal open={deciding === "accept"} onClose={close} title="Accept Major Case">
        <AcceptForm number={p.number} onCancel={close} />
      </Modal>
      <Modal open={deciding === "reject"} onClose={close} title="Reject Major Case">
        <RejectForm number={p.number} onCancel={close} onDone={close} />
      </Modal>
    </Banner>
  );
}

/**
 * MAJ-1: accepting opens a new case, so the manager is told what it will be before it exists. On
 * success the action goes to the new major case, whose banner counts its first child.
 */
function AcceptForm({ number, onCancel }: { number: string; onCancel: () => void }) {
  return (
    <DialogForm
      action={() => acceptMajorCaseAction(number)}
      onDone={onCancel}
      onCancel={onCancel}
      intro={
        `A new major case is opened, assigned to you, with ${number}'s short description, priority, ` +
        `business impact and related records; ${number} becomes its first child, whose related ` +
        "records are then managed on the major case."
      }
      submit="Accept Major Case"
      confirmation
      pendingText="Accepting…"
    >
      {() => null}
    </DialogForm>
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
