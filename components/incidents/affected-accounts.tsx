"use client";
import Link from "@/components/ui/link";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Combobox } from "@/components/pickers/combobox";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";

export type AffectedAccountsData = {
  rows: { id: number; number: string; name: string; caseNumber: string | null }[];
  total: number;
  withCase: number;
  majorCaseNumber: string | null;
};

type Props = {
  /** The incident's id: Add affected account offers the accounts it does not list yet. */
  incidentId: number;
  data: AffectedAccountsData;
  writable: boolean;
  add: FormAction;
  remove: FormAction;
  create: () => Promise<ActionResult>;
};

function RemoveButton({ remove, account }: { remove: FormAction; account: { id: number; name: string } }) {
  const { pending, result, formProps } = useActionForm(remove);
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="accountId" value={account.id} />
      <SubmitButton pending={pending} variant="ghost" className="text-xs">
        <span aria-label={`Remove ${account.name}`}>Remove</span>
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {result.message}
        </span>
      )}
    </form>
  );
}

/** PRO-1: the incident's affected accounts, the picker that adds one, and Create Proactive Cases. */
export function AffectedAccounts({ incidentId, data, writable, add, remove, create }: Props) {
  const [picker, setPicker] = useState(0);
  const queries = useQueryClient();
  // A fresh picker, and no answer cached from before the account was added (it would offer it again).
  const adding = useActionForm(add, () => {
    void queries.invalidateQueries({ queryKey: ["lookup", "accounts"] });
    setPicker((n) => n + 1);
  });
  const creating = useActionForm(() => create());
  // One notice: the outcome of whichever form was sent last.
  const [latest, setLatest] = useState<"add" | "create">("add");
  return (
    <div className="space-y-3">
      {data.majorCaseNumber && (
        <p className="text-sm">
          Proactive major case:{" "}
          <Link href={`/cases/${data.majorCaseNumber}`} className="font-medium text-brand-700 underline">
            {data.majorCaseNumber}
          </Link>
        </p>
      )}
      {data.rows.length === 0 ? (
        <p className="text-sm text-slate-600">No affected accounts.</p>
      ) : (
        <table className="cf-table">
          <caption className="sr-only">Affected accounts</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Number</th>
              <th scope="col">Proactive case</th>
              {writable && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.number}</td>
                <td>
                  {a.caseNumber ? (
                    <Link href={`/cases/${a.caseNumber}`} className="font-medium text-brand-700 underline">
                      {a.caseNumber}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                {writable && (
                  <td className="text-right">
                    <RemoveButton remove={remove} account={a} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-600">
        {data.total} affected {data.total === 1 ? "account" : "accounts"}, {data.withCase} with a proactive
        case
        {data.total > data.rows.length ? ` (first ${data.rows.length} shown)` : ""}.
      </p>
      {writable && (
        <div className="flex flex-wrap items-end gap-3">
          <form
            action={adding.formAction}
            onSubmit={(e) => {
              setLatest("add");
              adding.onSubmit(e);
            }}
            className="flex flex-wrap items-end gap-2"
          >
            <Field label="Add affected account" id="f-affected-account" className="w-72">
              <Combobox
                key={picker}
                id="f-affected-account"
                name="accountId"
                kind="accounts"
                params={{ notAffectedBy: String(incidentId) }}
                value={null}
              />
            </Field>
            <SubmitButton pending={adding.pending} variant="secondary">
              Add
            </SubmitButton>
          </form>
          {/* Offered once there is an account to run for (the service refuses an incident with none). */}
          {data.total > 0 && (
            <form
              onSubmit={(e) => {
                setLatest("create");
                creating.onSubmit(e);
              }}
            >
              <SubmitButton pending={creating.pending}>Create Proactive Cases</SubmitButton>
            </form>
          )}
        </div>
      )}
      <Notice result={latest === "add" ? adding.result : creating.result} />
    </div>
  );
}
