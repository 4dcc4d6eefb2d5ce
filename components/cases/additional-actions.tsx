"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  associateIncidentAction, createIncidentAction, createNormalChangeAction, createProblemAction, createRequestAction, createStandardChangeAction, proposeMajorCaseAction,
  removeIncidentAction,
} from "@/app/(workspace)/cases/actions";
import { Combobox } from "@/components/pickers/combobox";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { DialogForm } from "@/components/ui/dialog-form";
import type { ActionResult } from "@/lib/server/errors";

/**
 * The case's Additional actions menu. The items come from the server's menu rule; the server
 * checks the same rule again when an item is used (a hidden item is never the guard).
 */
export function AdditionalActions({ number, items, templates = [] }: { number: string; items: string[]; templates?: { value: number; label: string }[] }) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!menu.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  if (!items.length) return null;

  const run = (action: () => Promise<ActionResult>) => {
    setOpen(false);
    start(async () => setResult(await action()));
  };
  const direct: Record<string, () => Promise<ActionResult>> = {
    "Create Incident": () => createIncidentAction(number),
    "Remove Incident": () => removeIncidentAction(number),
    "Create Problem": () => createProblemAction(number),
    "Create Request": () => createRequestAction(number),
    "Create Normal Change": () => createNormalChangeAction(number),
  };
  const closing = { onDone: (r: ActionResult) => { setDialog(null); setResult(r); }, onCancel: () => setDialog(null) };
  const choose = (item: string) => {
    if (direct[item]) run(direct[item]);
    else { setOpen(false); setDialog(item); }
  };

  return (
    <div className="relative" ref={menu} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <Button aria-haspopup="menu" aria-expanded={open} disabled={pending} onClick={() => setOpen((o) => !o)}>
        {pending ? "Working…" : "Additional actions"} <span aria-hidden>▾</span>
      </Button>
      {open && (
        <div role="menu" aria-label="Additional actions" className="absolute right-0 z-30 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {items.map((item, i) => (
            <button key={item} role="menuitem" type="button" autoFocus={i === 0} onClick={() => choose(item)} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-brand-50 focus:bg-brand-50 focus:outline-none">
              {item}
            </button>
          ))}
        </div>
      )}
      {result && <div className="absolute right-0 z-20 mt-2 w-80"><Notice result={result} /></div>}
      <Modal open={dialog === "Associate Incident"} onClose={() => setDialog(null)} title="Associate Incident">
        <AssociateIncident number={number} {...closing} />
      </Modal>
      <Modal open={dialog === "Propose Major Case"} onClose={() => setDialog(null)} title="Propose Major Case">
        <ProposeMajorCase number={number} {...closing} />
      </Modal>
      <Modal open={dialog === "Create Standard Change"} onClose={() => setDialog(null)} title="Create Standard Change">
        <StandardChange number={number} templates={templates} {...closing} />
      </Modal>
    </div>
  );
}

type DialogProps = { number: string; onDone: (r: ActionResult) => void; onCancel: () => void };
const OPEN = { open: "1" };

function AssociateIncident({ number, ...done }: DialogProps) {
  return (
    <DialogForm action={associateIncidentAction.bind(null, number)} {...done} intro="Search open incidents by number or short description." submit="Associate" pendingText="Associating…">
      {(fieldError) => (
        <Field label="Incident" id="associate-incident" error={fieldError("incident")}>
          <Combobox id="associate-incident" name="incident" kind="incidents" value={null} params={OPEN} valueField="label" placeholder="INC0010001 or words from the description" />
        </Field>
      )}
    </DialogForm>
  );
}

function StandardChange({ number, templates, ...done }: DialogProps & { templates: { value: number; label: string }[] }) {
  return (
    <DialogForm action={createStandardChangeAction.bind(null, number)} {...done} intro="A standard change comes from an approved template; nothing is copied from the case." submit="Create" pendingText="Creating…">
      {(fieldError) => <SelectField label="Template" name="templateId" options={templates} blank="— Pick an approved template —" error={fieldError("templateId")} />}
    </DialogForm>
  );
}

function ProposeMajorCase({ number, ...done }: DialogProps) {
  return (
    <DialogForm action={proposeMajorCaseAction.bind(null, number)} {...done} intro="Major issue managers are told at once and decide whether this becomes a major case." submit="Propose" pendingText="Proposing…">
      {(fieldError) => (
        <>
          <TextAreaField label="Work notes" name="workNotes" rows={3} required error={fieldError("workNotes")} placeholder="What is happening, who is affected, what has been tried" />
          <TextAreaField label="Business impact" name="businessImpact" rows={2} required error={fieldError("businessImpact")} placeholder="e.g. 40 stores cannot take card payments" />
        </>
      )}
    </DialogForm>
  );
}
