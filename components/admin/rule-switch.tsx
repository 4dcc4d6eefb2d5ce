"use client";
import { setRuleActiveAction } from "@/app/(workspace)/admin/business-rules/actions";
import { useActionForm } from "@/components/ui/use-action-form";

/** SYNC-1: a rule's Active switch; flipping it saves at once. */
export function RuleSwitch({ table, name, active }: { table: string; name: string; active: boolean }) {
  const { result, pending, onSubmit } = useActionForm(setRuleActiveAction);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="table" value={table} />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="active" value={String(!active)} />
      <button
        type="submit"
        role="switch"
        aria-checked={active}
        aria-label={`Active: ${name}`}
        disabled={pending}
        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${active ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span className={`inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ${active ? "translate-x-4" : "translate-x-0.5"}`} />
      </button>
      <span className="text-xs text-slate-600">{active ? "Active" : "Inactive"}</span>
      {result && !result.ok && <span role="alert" className="text-xs text-red-700">{result.message}</span>}
    </form>
  );
}
