"use client";
import { useState } from "react";
import { bulkUpdateCasesAction } from "@/app/(workspace)/cases/bulk-actions";
import { BulkAssignFields } from "./bulk-assign-fields";
import { Button } from "@/components/ui/button";
import { DialogDone } from "@/components/ui/dialog-done";
import { DialogForm } from "@/components/ui/dialog-form";
import { SelectField, TextAreaField, type Option } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { BULK_TARGET_STATES, outcomeLine, type BulkReport } from "@/lib/domain/cases/bulk";
import { CaseState, casePriorities, resolutionCodesBut } from "@/lib/domain/records/choices";

type Kind = "assign" | "priority" | "state";
const TITLE: Record<Kind, string> = { assign: "Assign", priority: "Set priority of", state: "Set state of" };
/** `assignees` null: more people than a select lists (then "A person…" and a typeahead). */
export type BulkOptions = {
  groups: Option[];
  assignees: Option[] | null;
  /** ITSM-5: the resolution codes not offered (an inactive plugin's); usually none. */
  withheldCodes?: string[];
};

const INTRO =
  "Each case is changed by its own rules, as on its form; a case they refuse keeps its values and is " +
  "listed with the reason.";

type FieldError = (field: string) => string | undefined;

function Fields({ kind, options, error }: { kind: Kind; options: BulkOptions; error: FieldError }) {
  const [state, setState] = useState("");
  if (kind === "assign")
    return <BulkAssignFields groups={options.groups} assignees={options.assignees} error={error} />;
  if (kind === "priority")
    return (
      <SelectField
        label="Priority"
        name="priority"
        error={error("priority")}
        id="bulk-priority"
        blank=""
        options={casePriorities}
      />
    );
  return (
    <>
      <SelectField
        label="State"
        name="state"
        error={error("state")}
        id="bulk-state"
        blank=""
        options={BULK_TARGET_STATES}
        value={state}
        onChange={(e) => setState(e.currentTarget.value)}
      />
      {/* REC-4: resolving asks for the code and notes once, for every selected case. */}
      {state === String(CaseState.Resolved) && (
        <>
          <SelectField
            label="Resolution code"
            name="resolutionCode"
            error={error("resolutionCode")}
            id="bulk-resolution-code"
            blank=""
            required
            options={resolutionCodesBut(options.withheldCodes)}
          />
          <TextAreaField
            label="Resolution notes"
            name="resolutionNotes"
            error={error("resolutionNotes")}
            id="bulk-resolution-notes"
            rows={3}
            required
          />
        </>
      )}
    </>
  );
}

/**
 * WRK-4: the bulk bar over the case list — Assign, Priority, State for the selected rows — and the
 * dialog that asks for the change, then shows per case what changed and what was refused and why.
 * `selected` holds "number:version" of each selected row (REC-6: a row changed since is refused).
 */
export function BulkBar({
  selected,
  options,
  onDone,
}: {
  selected: string[];
  options: BulkOptions;
  /** After a change: the cases it refused, which stay selected (the changed ones are unselected). */
  onDone: (refused: string[]) => void;
}) {
  // The cases are fixed when the dialog opens: the list refreshes under it after the change.
  const [open, setOpen] = useState<{ kind: Kind; cases: string[] } | null>(null);
  const [report, setReport] = useState<{ data: BulkReport; message: string } | null>(null);
  const close = () => {
    if (report) onDone(report.data.outcomes.filter((o) => o.status === "refused").map((o) => o.number));
    setOpen(null);
    setReport(null);
  };
  const n = open?.cases.length ?? 0;
  return (
    <>
      {selected.length > 0 && (
        <div role="group" aria-label="Bulk actions" className="flex items-center gap-2">
          <Button onClick={() => setOpen({ kind: "assign", cases: selected })}>Assign</Button>
          <Button onClick={() => setOpen({ kind: "priority", cases: selected })}>Priority</Button>
          <Button onClick={() => setOpen({ kind: "state", cases: selected })}>State</Button>
        </div>
      )}
      <Modal
        open={!!open}
        onClose={close}
        title={open ? `${TITLE[open.kind]} ${n} case${n === 1 ? "" : "s"}` : ""}
      >
        {report ? (
          <DialogDone message={report.message} onClose={close}>
            <ul aria-label="Result per case" className="max-h-72 space-y-1 overflow-auto text-sm">
              {report.data.outcomes.map((o) => (
                <li key={o.number} className={o.status === "refused" ? "text-red-700" : "text-slate-800"}>
                  {outcomeLine(o)}
                </li>
              ))}
            </ul>
          </DialogDone>
        ) : (
          open && (
            <DialogForm
              action={bulkUpdateCasesAction}
              onDone={(r) => {
                if (r.ok) setReport({ data: r.data as BulkReport, message: r.message ?? "" });
              }}
              onCancel={close}
              intro={INTRO}
              submit="Apply"
              pendingText="Applying…"
            >
              {(fieldError) => (
                <>
                  <input type="hidden" name="cases" value={open.cases.join(",")} />
                  {["cases", "change"].map(
                    (f) =>
                      fieldError(f) && (
                        <p key={f} role="alert" className="text-xs font-medium text-red-700">
                          {fieldError(f)}
                        </p>
                      ),
                  )}
                  <Fields kind={open.kind} options={options} error={fieldError} />
                </>
              )}
            </DialogForm>
          )
        )}
      </Modal>
    </>
  );
}
