"use client";
import { useEffect, useId, useRef, useState } from "react";
import { controlClass } from "@/components/ui/field";
import { fetchLookup, type LookupOption } from "./use-lookup";

type Props = {
  id: string;
  name: string;
  kind: string;
  value: { id: number; label: string } | null;
  params?: Record<string, string>;
  error?: string;
  disabled?: boolean;
  placeholder?: string;
  onPick?: (option: LookupOption | null) => void;
  /** What the hidden input submits: the record id (default) or its label (a record number). */
  valueField?: "id" | "label";
};

/** A typeahead for large tables: type to search, pick with mouse or keyboard. Submits the id. */
export function Combobox({ id, name, kind, value, params, error, disabled, placeholder = "Search…", onPick, valueField = "id" }: Props) {
  const [selected, setSelected] = useState(value);
  const [text, setText] = useState(value?.label ?? "");
  const [options, setOptions] = useState<LookupOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hidden = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const t = setTimeout(() => {
      fetchLookup(kind, { ...params, q: text === selected?.label ? "" : text }, ctrl.signal)
        .then((o) => { setOptions(o); setActive(0); })
        .catch(() => {});
    }, 150);
    return () => { clearTimeout(t); ctrl.abort(); };
  }, [text, open, kind, params, selected?.label]);

  function pick(o: LookupOption | null) {
    const next = o ? { id: o.id, label: o.label } : null;
    setSelected(next);
    setText(next?.label ?? "");
    setOpen(false);
    onPick?.(o);
    queueMicrotask(() => hidden.current?.dispatchEvent(new Event("change", { bubbles: true })));
  }

  return (
    <div className="relative">
      <input ref={hidden} type="hidden" name={name} value={selected ? (valueField === "label" ? selected.label : selected.id) : ""} />
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={!!error}
        autoComplete="off"
        disabled={disabled}
        placeholder={placeholder}
        className={controlClass(error)}
        value={text}
        onFocus={() => setOpen(true)}
        onChange={(e) => { setText(e.target.value); setOpen(true); }}
        onBlur={() => setTimeout(() => {
          setOpen(false);
          if (!text.trim()) { if (selected) pick(null); } else setText(selected?.label ?? "");
        }, 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, options.length - 1)); }
          else if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          else if (e.key === "Enter" && open && options[active]) { e.preventDefault(); pick(options[active]); }
          else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); pick(o); }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50" : ""}`}
            >
              <div className="font-medium text-slate-800">{o.label}</div>
              {o.detail && <div className="truncate text-xs text-slate-500">{o.detail}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
