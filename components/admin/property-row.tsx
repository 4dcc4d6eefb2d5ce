"use client";
import { savePropertyAction } from "@/app/(workspace)/admin/properties/actions";
import { controlClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export type PropertyRowData = {
  name: string;
  type: string;
  value: string;
  defaultValue: string;
  description: string;
  version: number;
  /** An integer's bounds and a list's allowed items, shown so that a refusal is never a surprise. */
  min?: number;
  max?: number;
  choices?: readonly string[];
};

/** ADM-1: one property, its type, value and description; saved with a type check. */
export function PropertyRow({ p }: { p: PropertyRowData }) {
  const { result, pending, formProps } = useActionForm(savePropertyAction);
  const id = `prop-${p.name.replace(/\W/g, "-")}`;
  const error = result && !result.ok ? result.message : undefined;
  return (
    <li className="grid gap-3 px-4 py-4 md:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0">
        <label htmlFor={id} className="font-mono text-sm font-semibold break-all text-slate-900">
          {p.name}
        </label>
        <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
          <span>
            Type: <span className="font-medium text-slate-700">{p.type}</span>
          </span>
          <span>
            Default: <span className="font-mono text-slate-700">{p.defaultValue || "(empty)"}</span>
          </span>
          {p.min !== undefined && p.max !== undefined && (
            <span>
              From <span className="font-medium text-slate-700">{p.min.toLocaleString("en")}</span> to{" "}
              <span className="font-medium text-slate-700">{p.max.toLocaleString("en")}</span>
            </span>
          )}
          {p.choices && (
            <span>
              Items (comma-separated):{" "}
              <span className="font-mono text-slate-700">{p.choices.join(", ")}</span>
            </span>
          )}
        </div>
        <p className="mt-1 text-sm text-slate-600">{p.description}</p>
      </div>
      <form {...formProps} className="space-y-1.5" noValidate>
        <input type="hidden" name="name" value={p.name} />
        <input type="hidden" name="version" value={p.version} />
        <div key={p.version} className="flex gap-2">
          {p.type === "boolean" ? (
            <select
              id={id}
              name="value"
              defaultValue={p.value}
              className={controlClass(error)}
              aria-invalid={!!error}
            >
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              id={id}
              name="value"
              defaultValue={p.value}
              inputMode={p.type === "integer" ? "numeric" : undefined}
              className={controlClass(error)}
              aria-invalid={!!error}
              aria-describedby={error ? `${id}-msg` : undefined}
            />
          )}
          <SubmitButton pending={pending} variant="secondary">
            Save
          </SubmitButton>
        </div>
        {result?.message && (
          <p
            id={`${id}-msg`}
            role={result.ok ? "status" : "alert"}
            className={`text-xs ${result.ok ? "text-emerald-700" : "font-medium text-red-700"}`}
          >
            {result.message}
          </p>
        )}
      </form>
    </li>
  );
}
