"use client";
import {
  Combobox as ComboboxInput,
  ComboboxItem,
  ComboboxList,
  ComboboxPopover,
  useComboboxStore,
} from "@ariakit/react/combobox";
import { useRef, useState } from "react";
import { controlClass } from "@/components/ui/field";
import { useHeldWhilePressed } from "@/components/ui/use-held-while-pressed";
import { useWakeOnFocus, useWokenText } from "@/components/ui/use-wake-on-focus";
import { useLookup, type LookupOption, type LookupParams } from "./use-lookup";

type Picked = { id: number; label: string } | null;

type Props = {
  id: string;
  name: string;
  kind: string;
  value: Picked;
  params?: LookupParams;
  error?: string;
  disabled?: boolean;
  placeholder?: string;
  onPick?: (option: LookupOption | null) => void;
  /** What the hidden input submits: the record id (default) or its label (a record number). */
  valueField?: "id" | "label";
};

const NO_PARAMS: LookupParams = {};

/**
 * A typeahead for large tables on Ariakit's Combobox (WAI-ARIA combobox with a listbox popup and
 * aria-activedescendant; why Ariakit: components/ui/modal.tsx). It sits in a Field with the same
 * `id`, whose label names the results too. Type to search (useLookup: debounced, cached,
 * superseded requests cancelled); ArrowDown/ArrowUp and Home/End move through the results, Enter
 * or a click picks one, Escape closes the list; the number of results is announced politely.
 *
 * The pick is submitted by a hidden input named `name`, which fires a bubbling `change` event so
 * fields that depend on this one (Contact on Account) hear it. Emptying the text and leaving
 * clears the value; leaving with the exact label of a result picks it; leaving without a pick
 * otherwise puts the picked label back.
 */
export function Combobox(props: Props) {
  const { woken, plain, onFocus } = useWakeOnFocus();
  return woken ? (
    <AriakitCombobox {...props} from={woken} />
  ) : (
    <Dormant {...props} plain={plain} onFocus={onFocus} />
  );
}

/**
 * PERF-8: until it is first focused, the typeahead is the plain input it looks like, with the
 * same name, role and value: Ariakit's stores and the lookup query cost each server render ~0.5 ms
 * per picker (a case page has seven) and every page view the same in the browser. Focus swaps in
 * the real one, focused with its text selected, so what is typed next replaces it; text typed
 * before the page's script ran is kept (useWakeOnFocus).
 */
function Dormant({
  id,
  name,
  value,
  error,
  disabled,
  placeholder = "Search…",
  valueField = "id",
  plain,
  onFocus,
}: Props & Omit<ReturnType<typeof useWakeOnFocus>, "woken">) {
  return (
    <>
      <input
        type="hidden"
        name={name}
        value={value ? String(valueField === "label" ? value.label : value.id) : ""}
      />
      <input
        ref={plain}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={false}
        aria-haspopup="listbox"
        autoComplete="off"
        defaultValue={value?.label ?? ""}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={controlClass(error)}
        onFocus={onFocus}
      />
      <div aria-live="polite" aria-atomic="true" className="sr-only" />
    </>
  );
}

function AriakitCombobox({
  id,
  name,
  kind,
  value,
  params = NO_PARAMS,
  error,
  disabled,
  placeholder = "Search…",
  onPick,
  valueField = "id",
  from,
}: Props & { from: HTMLInputElement }) {
  const [selected, setSelected] = useState<Picked>(value);
  // Text typed into the plain input before the script ran is a search already begun.
  const searching = (typed: string) => typed !== (value?.label ?? "");
  // Opened with the focus (useWokenText's callback), not over a field the person has moved to.
  const [open, setOpen] = useState(false);
  const hidden = useRef<HTMLInputElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Mounted by a focus on the dormant input: focus moves here, with the text selected (or, when
  // typed before the script ran, the caret after it).
  const [text, setText] = useWokenText(from, (typed) => {
    input.current?.focus();
    if (!searching(typed)) return input.current?.select();
    setOpen(true);
    input.current?.setSelectionRange(typed.length, typed.length);
  });
  const store = useComboboxStore({ value: text, setValue: setText, open, setOpen });
  // Showing the picked label again lists everything, not just that record.
  const q = selected && text === selected.label ? "" : text;
  const lookup = useLookup(kind, params, q, open && !disabled);
  // A press on a result keeps the list it was made on until the click (a late answer would move it).
  const [options, onPointerDown] = useHeldWhilePressed(lookup.data ?? []);
  const submitted = (p: Picked) => (p ? String(valueField === "label" ? p.label : p.id) : "");

  function pick(option: LookupOption | null) {
    const next = option && { id: option.id, label: option.label };
    setSelected(next);
    setText(next?.label ?? "");
    onPick?.(option);
    // Dependent fields listen for the form's change events; the value must be there already.
    const input = hidden.current;
    if (input) {
      input.value = submitted(next);
      // Fields that show the pick (Company following Account, FSM-2) read its label here.
      input.dataset.label = next?.label ?? "";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function leave(next: EventTarget | null) {
    if (next instanceof Node && popover.current?.contains(next)) return;
    const typed = text.trim().toLowerCase();
    // A result named exactly by the text (a number typed in full, say) is picked as a click would.
    const named = typed ? options.find((o) => o.label.toLowerCase() === typed) : undefined;
    if (!typed) {
      if (selected) pick(null);
    } else if (named && named.id !== selected?.id) pick(named);
    else if (text !== selected?.label) setText(selected?.label ?? "");
  }

  const status = lookup.isError
    ? "The search failed. Try again."
    : lookup.isPending
      ? "Searching…"
      : options.length === 0
        ? "No matches"
        : `${options.length} ${options.length === 1 ? "result" : "results"}`;

  return (
    <>
      <input ref={hidden} type="hidden" name={name} value={submitted(selected)} />
      <ComboboxInput
        store={store}
        ref={input}
        id={id}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={controlClass(error)}
        onBlur={(e) => leave(e.relatedTarget)}
        onKeyDownCapture={(e) => {
          // Escape closes the list only, not the dialog the picker sits in.
          if (e.key === "Escape" && open) {
            e.stopPropagation();
            store.hide();
          }
        }}
        onKeyDown={(e) => {
          const { activeId } = store.getState();
          const active = open && activeId !== null && activeId !== undefined;
          // With the list open and nothing highlighted, Enter does not submit the form by accident.
          if (e.key === "Enter" && open && !active) e.preventDefault();
          // With it closed, Enter submits the form, and no blur comes first: settle the field as
          // leaving it would (emptied: no value), or the form would send the value it showed before.
          if (e.key === "Enter" && !open) leave(null);
          // Once a result is highlighted, Home and End go to the first and last result (Ariakit
          // keeps them for the caret); before that they move the caret as in any text field.
          if ((e.key === "Home" || e.key === "End") && active) {
            e.preventDefault();
            store.move(e.key === "Home" ? store.first() : store.last());
          }
        }}
      />
      {/* Polite, not role="status": that role belongs to the form's own result notice. */}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {open ? status : ""}
      </div>
      {/* Not unmountOnHide: a click on a result must find its item still there after the mousedown
          (under load the list could be gone by the click, and the pick with it). The server never
          renders this: the picker is Dormant until focused. */}
      {/* A popup holding a list is a dialog (Ariakit): named, like the list, by the field's label. */}
      <ComboboxPopover
        store={store}
        ref={popover}
        aria-labelledby={`${id}-label`}
        onPointerDown={onPointerDown}
        gutter={4}
        sameWidth
        fixed
        className="z-50 max-h-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {/* Always there, hidden while empty: without a list inside it, Ariakit makes the popover
            itself the listbox, and "Searching…" or "No matches" would be a listbox without options
            (axe: aria-required-children). The text beside it is plain; the live region says it. */}
        <ComboboxList
          aria-labelledby={`${id}-label`}
          aria-busy={lookup.isFetching}
          hidden={options.length === 0}
        >
          {options.map((o) => (
            <ComboboxItem
              key={o.id}
              value={o.label}
              onClick={() => pick(o)}
              className="cursor-pointer px-3 py-1.5 data-active-item:bg-brand-50"
            >
              <div className="font-medium text-slate-800">{o.label}</div>
              {o.detail && <div className="truncate text-xs text-slate-600">{o.detail}</div>}
            </ComboboxItem>
          ))}
        </ComboboxList>
        {options.length === 0 && <div className="px-3 py-1.5 text-sm text-slate-600">{status}</div>}
      </ComboboxPopover>
    </>
  );
}
