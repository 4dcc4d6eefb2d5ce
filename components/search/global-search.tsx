"use client";
import {
  Combobox,
  ComboboxGroup,
  ComboboxGroupLabel,
  ComboboxItem,
  ComboboxList,
  ComboboxPopover,
  useComboboxStore,
} from "@ariakit/react/combobox";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { cx } from "@/components/ui/cx";
import { useHeldWhilePressed } from "@/components/ui/use-held-while-pressed";
import { useWakeOnFocus, useWokenText } from "@/components/ui/use-wake-on-focus";
import type { SearchAnswer, SearchHit } from "@/lib/domain/search/results";
import { MIN_SEARCH, useGlobalSearch } from "./use-search";
import { leaveVia } from "@/components/ui/leave";

export const GLOBAL_SEARCH_ID = "global-search";

const INPUT = cx(
  "block w-full rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1 text-sm placeholder:text-slate-500",
  "focus:border-brand-500 focus:bg-white focus:ring-2 focus:ring-brand-100 focus:outline-none",
);
const POPOVER = cx(
  "z-50 max-h-[70vh] w-[32rem] max-w-[90vw] overflow-auto rounded-md border border-slate-200",
  "bg-white py-1 shadow-lg",
);
const NOTE = cx(
  "absolute top-full left-0 z-50 mt-1 w-[32rem] max-w-[90vw] rounded-md border border-slate-200 bg-white",
  "px-3 py-1.5 text-sm text-slate-600 shadow-lg",
);
const PLACEHOLDER = "Search records   /";
const GROUP_LABEL = "px-3 py-1 text-[11px] font-semibold tracking-wider text-slate-600 uppercase";

/** The input without the attributes ARIA does not allow on a searchbox (Ariakit sets them for a combobox). */
function searchboxInput({
  "aria-expanded": _expanded,
  "aria-haspopup": _popup,
  ...props
}: React.ComponentProps<"input">) {
  return <input {...props} />;
}

/** The hit Enter opens when none is highlighted: the record whose number was typed, else the first. */
function enterTarget(answer: SearchAnswer, text: string): SearchHit | undefined {
  const hits = answer.groups.flatMap((g) => g.hits);
  const typed = text.trim().toLowerCase();
  return hits.find((h) => h.number?.toLowerCase() === typed) ?? hits[0];
}

/**
 * WRK-5: the header's search box. Type to search every kind of record you may read (debounced,
 * superseded requests cancelled: useGlobalSearch); results are grouped by kind under headings.
 * ArrowDown/ArrowUp move through them, Enter or a click opens one; Enter with none highlighted
 * opens the record whose number was typed (or the first result); Escape closes the list; `/`
 * focuses the box from anywhere but a field.
 *
 * Ariakit's Combobox (the pickers' primitive, components/pickers/combobox.tsx) gives the listbox
 * popup, aria-activedescendant and the keyboard. SPEC §15 pins the box as a `searchbox` named
 * Search, so the input takes that role, and drops aria-expanded and aria-haspopup, which ARIA
 * does not allow on a searchbox; the results stay tied to it by aria-controls, and their number
 * is announced politely.
 */
export function GlobalSearch() {
  const { woken, plain, onFocus } = useWakeOnFocus();
  if (woken) return <ActiveSearch from={woken} />;
  // PERF-8: until first focused (a click, Tab or `/`), the box is the plain searchbox it looks
  // like — no Ariakit store or query in every page's server render; focus swaps in the real one.
  // Text typed into it before the page's script ran is kept.
  return (
    <div role="search" className="relative w-full max-w-md">
      <label htmlFor={GLOBAL_SEARCH_ID} className="sr-only">
        Search
      </label>
      <input
        ref={plain}
        id={GLOBAL_SEARCH_ID}
        role="searchbox"
        type="search"
        maxLength={100}
        autoComplete="off"
        placeholder={PLACEHOLDER}
        className={INPUT}
        onFocus={onFocus}
      />
      <div aria-live="polite" aria-atomic="true" className="sr-only" />
    </div>
  );
}

/** `from`: the plain box; what it held (typed before the script ran) is kept, and searched at once. */
function ActiveSearch({ from }: { from: HTMLInputElement }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  // Opened with the focus (useWokenText's callback), not over a field the person has moved to.
  const [open, setOpen] = useState(false);
  // Mounted by a focus on the dormant box: focus moves here, the caret after any text typed.
  const [text, setText] = useWokenText(from, (typed) => {
    if (typed.trim()) setOpen(true);
    input.current?.focus();
    input.current?.setSelectionRange(typed.length, typed.length);
  });
  const [notice, setNotice] = useState("");
  const store = useComboboxStore({ value: text, setValue: setText, open, setOpen });
  const { query, settled, now } = useGlobalSearch(text, open);
  // A press on a result keeps the results it was made on until the click (a late answer would move it).
  const [groups, onPointerDown] = useHeldWhilePressed(query.data?.groups ?? []);
  const count = groups.reduce((n, g) => n + g.hits.length, 0);

  function opened() {
    setOpen(false);
    setText("");
    setNotice("");
  }

  async function enter() {
    try {
      const hit = enterTarget(await now(text), text);
      if (!hit) return setNotice(`Nothing found for “${text.trim()}”.`);
      opened();
      // A case page with unsaved Details asks first (components/cases/unsaved-details.tsx).
      leaveVia(() => router.push(hit.href));
    } catch (e) {
      setNotice((e as Error).message);
    }
  }

  const status =
    text.trim().length < MIN_SEARCH
      ? `Type at least ${MIN_SEARCH} characters.`
      : query.isError
        ? query.error.message
        : !settled || query.isPending
          ? "Searching…"
          : count === 0
            ? "No matches"
            : `${count} ${count === 1 ? "result" : "results"}`;
  const message = notice || (open && text.trim() ? status : "");

  return (
    <div role="search" className="relative w-full max-w-md">
      <label htmlFor={GLOBAL_SEARCH_ID} className="sr-only">
        Search
      </label>
      <Combobox
        store={store}
        ref={input}
        id={GLOBAL_SEARCH_ID}
        role="searchbox"
        render={searchboxInput}
        type="search"
        maxLength={100}
        placeholder={PLACEHOLDER}
        className={INPUT}
        onChange={() => setNotice("")}
        onKeyDown={(e) => {
          const { activeId } = store.getState();
          if (e.key !== "Enter" || (open && activeId !== null && activeId !== undefined)) return;
          e.preventDefault();
          if (text.trim().length >= MIN_SEARCH) void enter();
        }}
      />
      {/* One polite region: the number of results (screen readers only) or, with none, a visible
          note in place of the list — an empty listbox would be a popup without options. */}
      <div aria-live="polite" aria-atomic="true" className={count === 0 && message ? NOTE : "sr-only"}>
        {message}
      </div>
      {count > 0 && (
        <ComboboxPopover
          store={store}
          onPointerDown={onPointerDown}
          gutter={4}
          sameWidth={false}
          fixed
          portal={false}
          aria-label="Search results"
          className={POPOVER}
        >
          <ComboboxList aria-label="Search results" aria-busy={query.isFetching}>
            {groups.map((g) => (
              <ComboboxGroup key={g.kind} className="py-1">
                <ComboboxGroupLabel className={GROUP_LABEL}>{g.label}</ComboboxGroupLabel>
                {g.hits.map((h) => (
                  <ComboboxItem
                    key={h.key}
                    value={h.key}
                    setValueOnClick={false}
                    onClick={opened}
                    render={<Link href={h.href} />}
                    className="block cursor-pointer px-3 py-1.5 data-active-item:bg-brand-50"
                  >
                    <span className="block truncate text-slate-800">
                      {h.number && <span className="mr-2 font-medium">{h.number}</span>}
                      {h.title}
                    </span>
                    {h.detail && <span className="block truncate text-xs text-slate-600">{h.detail}</span>}
                  </ComboboxItem>
                ))}
              </ComboboxGroup>
            ))}
          </ComboboxList>
        </ComboboxPopover>
      )}
    </div>
  );
}
