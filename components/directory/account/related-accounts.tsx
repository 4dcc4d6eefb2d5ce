"use client";
import Link from "@/components/ui/link";
import {
  addRelatedAccountAction,
  removeRelatedAccountAction,
} from "@/app/(workspace)/admin/accounts/actions";
import { Combobox } from "@/components/pickers/combobox";
import { RowOutcome } from "@/components/admin/row-outcome";
import { Badge } from "@/components/ui/badge";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export type Related = {
  id: number;
  number: string;
  name: string;
  active: boolean;
  as: "partner" | "customer";
};

/**
 * SET-2, ROLE-3: partner ↔ customer relationships. A partner account lists the customers it serves, a
 * customer account its partners; Add picks the other side (partners for a customer, customers for a
 * partner), Remove ends one.
 */
export function RelatedAccounts({
  number,
  isPartner,
  isCustomer,
  related,
  total,
}: {
  number: string;
  isPartner: boolean;
  isCustomer: boolean;
  related: Related[];
  /** How many there are (the list holds the first 200 of each side, by name). */
  total: number;
}) {
  const add = useActionForm(addRelatedAccountAction.bind(null, number));
  const params =
    isPartner && !isCustomer ? { customer: "1" } : isCustomer && !isPartner ? { partner: "1" } : {};
  return (
    <div className="space-y-3">
      {related.length === 0 ? (
        <p className="text-sm text-slate-500">No related accounts.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Related accounts">
          {related.map((r) => (
            <li key={`${r.as}-${r.id}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="flex items-center gap-2">
                <Link
                  href={`/admin/accounts/${r.number}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
                <Badge tone={r.as === "partner" ? "violet" : "blue"}>
                  {r.as === "partner" ? "Partner" : "Customer"}
                </Badge>
                {!r.active && <Badge tone="gray">Inactive</Badge>}
              </span>
              <RemoveRelated number={number} other={r} />
            </li>
          ))}
        </ul>
      )}
      {total > related.length && (
        <p className="text-xs text-slate-500">
          {related.length.toLocaleString("en")} of {total.toLocaleString("en")} related accounts, by name;
          each related account&apos;s own page lists this one too.
        </p>
      )}
      <form {...add.formProps} className="flex flex-wrap items-end gap-2" noValidate>
        <Field label="Add related account" id="related-account">
          <Combobox
            id="related-account"
            name="otherAccountId"
            kind="accounts"
            value={null}
            params={params}
            placeholder={
              isPartner && !isCustomer
                ? "Search customers…"
                : isCustomer && !isPartner
                  ? "Search partners…"
                  : "Search accounts…"
            }
            error={add.fieldError("otherAccountId")}
          />
        </Field>
        {/* Two accounts that are both customer and partner can be related either way: say which. */}
        {isPartner && isCustomer && (
          <SelectField
            label="Related as"
            name="otherIs"
            options={[
              { value: "customer", label: "Its customer (this account serves it)" },
              { value: "partner", label: "Its partner (it serves this account)" },
            ]}
            blank="As their kinds say"
            error={add.fieldError("otherIs")}
          />
        )}
        <SubmitButton pending={add.pending} variant="secondary" pendingText="Adding…">
          Add
        </SubmitButton>
        <RowOutcome result={add.result && (add.result.ok || !add.result.fieldErrors) ? add.result : null} />
        {add.fieldError("otherAccountId") && (
          <p role="alert" className="w-full text-xs font-medium text-red-700">
            {add.fieldError("otherAccountId")}
          </p>
        )}
      </form>
    </div>
  );
}

function RemoveRelated({ number, other }: { number: string; other: Related }) {
  const { result, pending, formProps } = useActionForm(removeRelatedAccountAction.bind(null, number));
  return (
    <form {...formProps} className="flex items-center gap-2">
      <input type="hidden" name="otherAccountId" value={other.id} />
      {/* The relationship this row shows, not another one the two accounts may also have. */}
      <input type="hidden" name="otherIs" value={other.as} />
      <SubmitButton pending={pending} variant="ghost" pendingText="Removing…">
        <span aria-label={`Remove ${other.name}`}>Remove</span>
      </SubmitButton>
      <RowOutcome result={result && !result.ok ? result : null} />
    </form>
  );
}
