"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import {
  createIncidentAction,
  createNormalChangeAction,
  createProblemAction,
  createRequestAction,
  createWorkOrderAction,
} from "@/app/(workspace)/cases/actions";
import { newRequestKey } from "@/lib/request-key";
import { ActionMenu } from "@/components/ui/menu";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/domain/action-result";
import {
  AssociateIncident,
  ProposeMajorCase,
  RemoveIncident,
  StandardChange,
} from "./additional-action-dialogs";

/**
 * The case's Additional actions menu. The items come from the server's menu rule; the server
 * checks the same rule again when an item is used (a hidden item is never the guard). Items run
 * at once or open their dialog; a dialog returns focus to the menu button when it closes.
 */
export function AdditionalActions({
  number,
  items,
  templates = [],
  incident = null,
}: {
  number: string;
  items: string[];
  templates?: { value: number; label: string }[];
  /** The case's incident number, named by Remove Incident's question. */
  incident?: string | null;
}) {
  const [dialog, setDialog] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const button = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  // FSM-1, ITSM-1: one key per Create Work Order or Create Request click; a double click or a retry
  // sends it again and gets one record. A new key once the record is made.
  const [workOrderKey, setWorkOrderKey] = useState(newRequestKey);
  const [requestKey, setRequestKey] = useState(newRequestKey);

  if (!items.length) return null;

  const createWorkOrder = async (): Promise<ActionResult> => {
    const form = new FormData();
    form.set("requestKey", workOrderKey);
    const r = await createWorkOrderAction(number, null, form);
    if (r.ok) {
      setWorkOrderKey(newRequestKey());
      router.push(`/work-orders/${(r.data as { number: string }).number}`);
    }
    return r;
  };

  const direct: Record<string, () => Promise<ActionResult>> = {
    "Create Incident": () => createIncidentAction(number),
    "Create Problem": () => createProblemAction(number),
    "Create Request": async () => {
      const form = new FormData();
      form.set("requestKey", requestKey);
      const r = await createRequestAction(number, null, form);
      if (r.ok) setRequestKey(newRequestKey());
      return r;
    },
    "Create Normal Change": () => createNormalChangeAction(number),
    "Create Work Order": createWorkOrder,
  };
  const choose = (item: string) => {
    const action = direct[item];
    if (action) start(async () => setResult(await action()));
    else setDialog(item);
  };
  const close = () => setDialog(null);
  const done = {
    onDone: (r: ActionResult) => {
      setDialog(null);
      setResult(r);
    },
    onCancel: close,
  };
  const modal = (title: string, body: React.ReactNode) => (
    <Modal open={dialog === title} onClose={close} title={title} returnFocus={button}>
      {body}
    </Modal>
  );

  return (
    <div className="relative">
      <ActionMenu
        label="Additional actions"
        items={items}
        onChoose={choose}
        busy={pending ? "Working…" : undefined}
        buttonRef={button}
      />
      {result && (
        <div className="absolute right-0 z-20 mt-2 w-80">
          <Notice result={result} />
        </div>
      )}
      {modal("Associate Incident", <AssociateIncident number={number} {...done} />)}
      {modal("Remove Incident", <RemoveIncident number={number} incident={incident} {...done} />)}
      {modal("Propose Major Case", <ProposeMajorCase number={number} {...done} />)}
      {modal("Create Standard Change", <StandardChange number={number} templates={templates} {...done} />)}
    </div>
  );
}
