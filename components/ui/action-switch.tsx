"use client";
import type { ActionResult } from "@/lib/domain/action-result";
import { useActionForm } from "./use-action-form";
import { cx } from "./cx";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** An on/off switch that saves at once through a server action (sends `field`, default `active`, = the new value). */
export function ActionSwitch({
  action,
  fields,
  active,
  label,
  field = "active",
  states = ["Active", "Inactive"],
}: {
  action: Action;
  fields: Record<string, string>;
  active: boolean;
  label: string;
  field?: string;
  /** The visible words for on and off. */
  states?: readonly [on: string, off: string];
}) {
  const { result, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex items-center gap-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name={field} value={String(!active)} />
      <button
        type="submit"
        role="switch"
        aria-checked={active}
        aria-label={label}
        disabled={pending}
        className={cx(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-50",
          active ? "bg-brand-600" : "bg-slate-300",
        )}
      >
        <span
          className={cx(
            "inline-block h-4 w-4 rounded-full bg-white shadow transition-transform",
            active ? "translate-x-4" : "translate-x-0.5",
          )}
        />
      </button>
      <span className="text-xs text-slate-600">{active ? states[0] : states[1]}</span>
      {result && !result.ok && (
        <span role="alert" className="text-xs text-red-700">
          {result.message}
        </span>
      )}
    </form>
  );
}
