"use client";
import Link from "@/components/ui/link";
import { useState } from "react";
import { addChildCaseAction, removeChildCaseAction } from "@/app/(workspace)/cases/actions";
import { Combobox } from "@/components/pickers/combobox";
import { Badge, stateTone } from "@/components/ui/badge";
import { DialogForm } from "@/components/ui/dialog-form";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";
import { casePriorities, CaseState, caseStates, labelOf } from "@/lib/domain/records/choices";

type Child = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  account: { name: string } | null;
  /** WRK-3: the customer's reply waits for the assignee. */
  replied?: boolean;
};

/** MAJ-2: the major case's Child Cases, and (for the manager) adding and removing them. */
export function ChildCases({
  number,
  rows,
  total,
  manage,
  canAdd = manage,
}: {
  number: string;
  rows: Child[];
  total: number;
  manage: boolean;
  /** MAJ-2: the Add form (not on a Resolved major case, which takes no new children). */
  canAdd?: boolean;
}) {
  const add = useActionForm(addChildCaseAction.bind(null, number));
  // The child whose removal is being confirmed, and what the last removal answered.
  const [removing, setRemoving] = useState<string | null>(null);
  const [removed, setRemoved] = useState<ActionResult | null>(null);
  return (
    <div className="space-y-3">
      {canAdd && (
        <form {...add.formProps} className="flex items-end gap-2" noValidate aria-label="Add child cases">
          <div className="flex-1">
            <Field label="Add child cases" id="add-child" error={add.fieldError("child")}>
              <Combobox
                key={total}
                id="add-child"
                name="child"
                kind="cases"
                value={null}
                valueField="label"
                placeholder="Case number or words from its short description"
              />
            </Field>
          </div>
          <SubmitButton pending={add.pending} variant="secondary">
            Add
          </SubmitButton>
        </form>
      )}
      {add.result && (add.result.ok || !add.result.fieldErrors) && <Notice result={add.result} />}
      <Notice result={removed} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No child cases yet.</p>
      ) : (
        <table className="cf-table">
          <caption className="sr-only">Child Cases</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Short description</th>
              <th scope="col">Account</th>
              <th scope="col">Priority</th>
              <th scope="col">State</th>
              {manage && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="cf-nowrap">
                  <Link className="cf-link" href={`/cases/${c.number}`}>
                    {c.number}
                  </Link>
                </td>
                <td className="cf-clip">
                  {c.shortDescription}
                  {c.replied && (
                    <>
                      {" "}
                      <Badge tone="amber">Customer replied</Badge>
                    </>
                  )}
                </td>
                <td>{c.account?.name ?? "—"}</td>
                <td className="cf-nowrap">{labelOf(casePriorities, c.priority)}</td>
                <td>
                  <Badge tone={stateTone(labelOf(caseStates, c.state))}>{labelOf(caseStates, c.state)}</Badge>
                </td>
                {manage && (
                  <td>
                    {/* A Closed or Cancelled child cannot be changed: removeChildCase refuses it. */}
                    {c.state !== CaseState.Closed && c.state !== CaseState.Cancelled && (
                      <button
                        type="button"
                        onClick={() => setRemoving(c.number)}
                        aria-label={`Remove ${c.number} from this major case`}
                        className="text-xs text-slate-500 hover:text-red-700"
                      >
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Modal
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing ?? ""} from ${number}?`}
      >
        {removing && (
          <RemoveChild
            number={number}
            child={removing}
            onCancel={() => setRemoving(null)}
            onDone={(result) => {
              setRemoving(null);
              setRemoved(result);
            }}
          />
        )}
      </Modal>
      {total > rows.length && (
        <p className="text-xs text-slate-500">
          Showing {rows.length} of {total.toLocaleString("en")} child cases.
        </p>
      )}
    </div>
  );
}

/**
 * MAJ-2: removing a child is confirmed first, saying what it ends; a refusal (the child closed
 * meanwhile, say) shows in the dialog.
 */
function RemoveChild({
  number,
  child,
  onCancel,
  onDone,
}: {
  number: string;
  child: string;
  onCancel: () => void;
  onDone: (result: ActionResult) => void;
}) {
  return (
    <DialogForm
      action={(prev, form) => removeChildCaseAction(number, prev, form)}
      onDone={onDone}
      onCancel={onCancel}
      intro={
        `${child} becomes an ordinary case again: the major case's changes and the updates of its ` +
        "related records stop reaching it. You can add it again while it is open."
      }
      submit="Remove"
      confirmation
      pendingText="Removing…"
      variant="danger"
    >
      {() => <input type="hidden" name="child" value={child} />}
    </DialogForm>
  );
}
