"use client";
import { useEffect, useRef, useState } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { Combobox } from "./combobox";
import { fetchLookup } from "./use-lookup";

export type RefOption = { value: number; label: string };

type Props = {
  label: string;
  name: string;
  /** Lookup kind for searching (/api/lookup/<kind>). */
  kind: string;
  value: { id: number; label: string } | null;
  /** All choices when there are few (a plain select); null → typeahead. */
  options: RefOption[] | null;
  /** Name of another field whose value filters this one (Contact depends on Account). */
  dependsOn?: { field: string; param: string };
  error?: string;
  disabled?: boolean;
  blank?: string;
};

/**
 * A reference to another record. With few choices it is a native select; with many (5,000
 * accounts) a typeahead. A dependent field reloads its choices when its parent changes.
 */
export function ReferenceField({ label, name, kind, value, options, dependsOn, error, disabled, blank = "— None —" }: Props) {
  const id = `f-${name}`;
  const [choices, setChoices] = useState(options);
  const [current, setCurrent] = useState(value ? String(value.id) : "");
  const ref = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    const form = ref.current?.form;
    if (!form || !dependsOn) return;
    const onChange = async (e: Event) => {
      const target = e.target as HTMLInputElement | HTMLSelectElement;
      if (target.name !== dependsOn.field) return;
      const parent = target.value;
      const next = parent ? await fetchLookup(kind, { [dependsOn.param]: parent, limit: 200 }) : [];
      setChoices(next.map((o) => ({ value: o.id, label: o.label })));
      setCurrent((c) => (next.some((o) => String(o.id) === c) ? c : ""));
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [dependsOn, kind]);

  const withCurrent = choices && value && !choices.some((c) => c.value === value.id) ? [{ value: value.id, label: value.label }, ...choices] : choices;

  return (
    <Field label={label} id={id} error={error}>
      {withCurrent ? (
        <select ref={ref} id={id} name={name} value={current} onChange={(e) => setCurrent(e.target.value)} disabled={disabled} aria-invalid={!!error} className={controlClass(error)}>
          <option value="">{blank}</option>
          {withCurrent.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <Combobox id={id} name={name} kind={kind} value={value} error={error} disabled={disabled} />
      )}
    </Field>
  );
}
