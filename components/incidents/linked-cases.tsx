"use client";
import Link from "@/components/ui/link";
import { NotifyCustomers } from "@/components/proactive/notify-customers";
import { useSelection } from "@/components/proactive/use-selection";
import { Badge, stateTone } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";

type Row = {
  id: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  proactive?: boolean;
  account: { name: string } | null;
  /** WRK-3: the customer's reply waits for the assignee. */
  replied?: boolean;
};

/**
 * INC-1 / INC-8: the cases linked to this record ("Customer Cases"); with `selectable` (the
 * incident page, for those who may notify), row checkboxes and Notify Customers (PRO-3).
 */
export function LinkedCases({
  rows,
  total,
  selectable,
}: {
  rows: Row[];
  total: number;
  selectable?: boolean;
}) {
  const selection = useSelection(rows.map((r) => r.number));
  if (!rows.length) return <p className="text-sm text-slate-500">No customer cases are linked.</p>;
  return (
    <div className="space-y-2">
      {selectable && <NotifyCustomers selected={selection.selected} onSent={selection.clear} />}
      <table className="min-w-full text-sm">
        <caption className="sr-only">Customer Cases</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            {selectable && (
              <th scope="col" className="w-6 py-1 pr-2">
                <Checkbox label="Select all" checked={selection.all} onChange={selection.toggleAll} />
              </th>
            )}
            <th scope="col" className="py-1 pr-3 font-semibold">
              Number
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Short description
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Account
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Priority
            </th>
            <th scope="col" className="py-1 font-semibold">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((c) => (
            <tr key={c.id}>
              {selectable && (
                <td className="py-1.5 pr-2">
                  <Checkbox
                    label={`Select ${c.number}`}
                    checked={selection.isSelected(c.number)}
                    onChange={(on) => selection.toggle(c.number, on)}
                  />
                </td>
              )}
              <td className="py-1.5 pr-3 font-medium">
                <Link className="cf-link" href={`/cases/${c.number}`}>
                  {c.number}
                </Link>
              </td>
              <td className="max-w-xs truncate py-1.5 pr-3">
                {c.shortDescription}
                {c.proactive && (
                  <>
                    {" "}
                    <Badge tone="blue">Proactive</Badge>
                  </>
                )}
                {c.replied && (
                  <>
                    {" "}
                    <Badge tone="amber">Customer replied</Badge>
                  </>
                )}
              </td>
              <td className="py-1.5 pr-3 text-slate-600">{c.account?.name ?? "—"}</td>
              <td className="py-1.5 pr-3 text-slate-600">{labelOf(casePriorities, c.priority)}</td>
              <td className="py-1.5">
                <Badge tone={stateTone(labelOf(caseStates, c.state))}>{labelOf(caseStates, c.state)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="mt-2 text-xs text-slate-500">
          Showing {rows.length} of {total.toLocaleString("en")} cases.
        </p>
      )}
    </div>
  );
}
