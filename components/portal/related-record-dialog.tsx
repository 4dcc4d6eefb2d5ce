"use client";
import { useEffect, useState } from "react";
import { relatedRecordAction } from "@/app/portal/related/actions";
import { Modal } from "@/components/ui/modal";
import { failureOf } from "@/components/ui/use-action-form";
import type { RelatedDetail } from "@/lib/domain/portal/related";
import { WorkOrderTasks } from "./work-order-tasks";

type Loaded = { detail: RelatedDetail } | { error: string } | null;

/**
 * POR-2: a related record's customer-safe details in an accessible dialog (components/ui/modal).
 * They load when it opens, through the permission-checked read keyed by case and record number:
 * a record outside the user's scope answers "not found" like a missing one (POR-4). Loaded on
 * demand by the list (next/dynamic), so the portal's first load carries no dialog code.
 */
export default function RelatedRecordDialog({
  caseNumber,
  number,
  onClose,
}: {
  caseNumber: string;
  number: string;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    const form = new FormData();
    form.set("record", number);
    void relatedRecordAction(caseNumber, null, form)
      .then((r) => (r.ok && r.data ? { detail: r.data } : { error: r.message ?? "Not found." }))
      .catch((e: unknown) => ({ error: failureOf(e).message }))
      .then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [caseNumber, number]);
  return (
    <Modal open onClose={onClose} title={number}>
      {!loaded ? (
        <p role="status" className="text-sm text-slate-600">
          Loading…
        </p>
      ) : "error" in loaded ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {loaded.error}
        </p>
      ) : (
        <Details detail={loaded.detail} caseNumber={caseNumber} />
      )}
      <div className="mt-4 flex justify-end">
        <button type="button" onClick={onClose} className="cf-link text-sm font-medium">
          Close
        </button>
      </div>
    </Modal>
  );
}

function Details({ detail, caseNumber }: { detail: RelatedDetail; caseNumber: string }) {
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold text-slate-600">Type</dt>
        <dd>{detail.type}</dd>
        <dt className="font-semibold text-slate-600">Number</dt>
        <dd>{detail.number}</dd>
        <dt className="font-semibold text-slate-600">State</dt>
        <dd>{detail.state}</dd>
        {detail.priority && (
          <>
            <dt className="font-semibold text-slate-600">Priority</dt>
            <dd>{detail.priority}</dd>
          </>
        )}
        <dt className="font-semibold text-slate-600">Case</dt>
        <dd>{caseNumber}</dd>
        <dt className="font-semibold text-slate-600">Short description</dt>
        <dd className="break-words">{detail.shortDescription}</dd>
      </dl>
      {detail.tasks && <WorkOrderTasks tasks={detail.tasks} headingLevel={3} />}
    </div>
  );
}
