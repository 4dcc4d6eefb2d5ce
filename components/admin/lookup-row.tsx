"use client";
import { saveLookupRowAction } from "@/app/(workspace)/admin/priority-lookup/actions";
import { controlClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { impacts, incidentPriorities, labelOf, urgencies } from "@/lib/domain/records/choices";

export type LookupRowData = {
  id: number;
  impact: number;
  urgency: number;
  priority: number;
  order: number;
  version: number;
};

/** One Priority Data Lookup row: impact × urgency → priority, and its order. */
export function LookupRow({ row }: { row: LookupRowData }) {
  const { result, pending, fieldError, formProps } = useActionForm(saveLookupRowAction);
  const name = `${labelOf(impacts, row.impact)} × ${labelOf(urgencies, row.urgency)}`;
  return (
    <tr>
      <td>{labelOf(impacts, row.impact)}</td>
      <td>{labelOf(urgencies, row.urgency)}</td>
      <td colSpan={3}>
        <form
          key={row.version}
          {...formProps}
          className="flex flex-wrap items-center gap-2"
          aria-label={`Row ${name}`}
        >
          <input type="hidden" name="id" value={row.id} />
          <input type="hidden" name="version" value={row.version} />
          <select
            name="priority"
            defaultValue={row.priority}
            aria-label={`Priority for ${name}`}
            className={`${controlClass(fieldError("priority"))} w-40`}
          >
            {incidentPriorities.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          <input
            name="order"
            defaultValue={row.order}
            inputMode="numeric"
            aria-label={`Order for ${name}`}
            className={`${controlClass(fieldError("order"))} w-24`}
          />
          <SubmitButton pending={pending} variant="secondary">
            Save
          </SubmitButton>
          {result?.message && (
            <span
              role={result.ok ? "status" : "alert"}
              className={`text-xs ${result.ok ? "text-emerald-700" : "text-red-700"}`}
            >
              {result.message}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}
