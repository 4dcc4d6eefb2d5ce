"use client";
import { useEffect, useRef, useState } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { useEarlyValue, useFollowedField } from "@/components/ui/early-value";
import { Combobox } from "./combobox";
import { useLookup, type LookupParams } from "./use-lookup";
import { SELECT_LIMIT } from "@/lib/domain/pickers/select-limit";

export type RefOption = { value: number; label: string };

type Props = {
  label: string;
  name: string;
  /** Lookup kind for searching (/api/lookup/<kind>). */
  kind: string;
  value: { id: number; label: string } | null;
  /** All choices when there are few (a plain select); null → typeahead. */
  options: RefOption[] | null;
  /**
   * Name of another field whose value filters this one (Contact depends on Account). `optional`:
   * with the other field empty the lookup still runs, unfiltered (Assigned to without a group).
   * `value`: the other field's value as the page was rendered — a typeahead's filter until it changes.
   */
  dependsOn?: { field: string; param: string; optional?: boolean; value?: number | null };
  error?: string;
  /** Under the field, while it has no error. */
  hint?: string;
  disabled?: boolean;
  blank?: string;
  /** The typeahead's text when nothing is picked (its default: "Search…"). */
  placeholder?: string;
  /** On the field's frame (Field), e.g. a width where it sits in a row. */
  className?: string;
  /** Unique on the page when the same field shows more than once (each task's Assigned to). */
  id?: string;
  /** A record just made for this field (the case form's New contact): offered and selected. */
  added?: RefOption | null;
  /** At the end of the label's row: a small action of the field, e.g. the New contact button. */
  children?: React.ReactNode;
  /** Sent with the typeahead's searches (a group's Add member: `notMemberOf`, its members left out). */
  params?: LookupParams;
};

/**
 * A reference to another record. With few choices it is a native select; with many (5,000
 * accounts, an account's 10,000 contacts: more than SELECT_LIMIT) a typeahead. A dependent field
 * hears its parent's change events and queries its choices for the parent's new value: a select
 * of them, or a typeahead filtered by it when there are more than a select lists.
 */
export function ReferenceField({
  label,
  name,
  kind,
  value,
  options,
  dependsOn,
  error,
  hint,
  disabled,
  blank = "— None —",
  placeholder,
  className,
  id = `f-${name}`,
  added,
  children,
  params,
}: Props) {
  const [current, setCurrent] = useState(value ? String(value.id) : "");
  // A record just made for this field becomes the choice (state adjusted while rendering, not in an effect).
  const [seenAdded, setSeenAdded] = useState(added);
  if (added !== seenAdded) {
    setSeenAdded(added);
    if (added) setCurrent(String(added.value));
  }
  // The parent field's value once it has changed; until then the server's options stand.
  const [parent, setParent] = useState<string>();
  // A choice made before the page's script ran becomes the state's (useEarlyValue); a parent's,
  // this field's choices (useFollowedField).
  const ref = useEarlyValue<HTMLSelectElement>(setCurrent);
  // The listener hangs on an anchor of its own, there whether the field is a select or a typeahead
  // (a typeahead has no select to hang it on, and then never heard its Account change).
  const anchor = useRef<HTMLInputElement>(null);
  useFollowedField(anchor, dependsOn?.field, (field) => setParent(field.value));

  // The dependent choices are a query keyed by the parent's value (cached: switching back is
  // instant), made only once the parent has changed: until then the server's options stand, and
  // the page's server rendering creates no query (PERF-8).
  const reloaded = !!dependsOn && parent !== undefined;
  const withCurrent = (choices: RefOption[]) =>
    added && !choices.some((c) => c.value === added.value) ? [...choices, added] : choices;
  // `settled`: the choices are an answer (not a failed or pending lookup's empty list), so a choice
  // missing from them is truly no longer offered.
  const select = (choices: RefOption[], busy: boolean, settled = true) => {
    // A choice that is no longer offered (another account's contact) is not submitted.
    const shown = choices.some((o) => String(o.value) === current) ? current : "";
    return (
      <>
        {reloaded && settled && !busy && current !== "" && shown === "" && (
          <Dropped select={ref} clear={() => setCurrent("")} />
        )}
        <select
          ref={ref}
          id={id}
          name={name}
          value={shown}
          aria-busy={busy}
          onChange={(e) => setCurrent(e.target.value)}
          disabled={disabled}
          aria-invalid={!!error}
          className={controlClass(error)}
        >
          <option value="">{blank}</option>
          {choices.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </>
    );
  };
  // A record just made for this field (New contact) is the typeahead's choice too: a new mount shows it.
  // Keyed by the parent's value too: another account's typeahead starts empty, not with the old pick.
  const typeahead = (lookupParams: LookupParams | undefined, picked: Props["value"], of = "") => (
    <Combobox
      key={added ? `added-${added.value}` : `typeahead-${of}`}
      id={id}
      name={name}
      kind={kind}
      params={lookupParams}
      value={added ? { id: added.value, label: added.label } : picked}
      error={error}
      disabled={disabled}
      placeholder={placeholder}
    />
  );
  const staticChoices =
    options && value && !options.some((c) => c.value === value.id)
      ? [{ value: value.id, label: value.label }, ...options]
      : options;

  return (
    <Field label={label} id={id} error={error} hint={hint} className={className} aside={children}>
      {dependsOn && <input ref={anchor} type="hidden" disabled />}
      {reloaded ? (
        <Reloaded
          kind={kind}
          params={{ ...params, [dependsOn.param]: parent, limit: SELECT_LIMIT + 1 }}
          enabled={!!parent || !!dependsOn.optional}
        >
          {(choices, busy, settled) =>
            choices.length > SELECT_LIMIT
              ? typeahead({ ...params, [dependsOn.param]: parent }, null, parent)
              : select(withCurrent(choices), busy, settled)
          }
        </Reloaded>
      ) : staticChoices ? (
        select(withCurrent(staticChoices), false)
      ) : (
        typeahead(
          dependsOn?.value !== undefined && dependsOn.value !== null
            ? { ...params, [dependsOn.param]: dependsOn.value }
            : params,
          value,
        )
      )}
    </Field>
  );
}

/** A dependent field's choices for its parent's new value (empty while they load). */
function Reloaded({
  kind,
  params,
  enabled,
  children,
}: {
  kind: string;
  params: LookupParams;
  enabled: boolean;
  children: (choices: RefOption[], busy: boolean, settled: boolean) => React.ReactNode;
}) {
  const lookup = useLookup(kind, params, "", enabled);
  const choices =
    !enabled || lookup.isPlaceholderData || !lookup.data
      ? []
      : lookup.data.map((o) => ({ value: o.id, label: o.label }));
  // Without a parent there is nothing to choose (settled); otherwise only a successful answer is.
  const settled = !enabled || (lookup.isSuccess && !lookup.isPlaceholderData);
  return children(choices, lookup.isFetching, settled);
}

/**
 * A dependent field whose choice is no longer offered once its new choices came (the Account
 * changed, and the Partner picked is none of the new account's): the choice is cleared, and the
 * select says it changed, so the fields that follow it follow too (Partner contact follows Partner)
 * rather than keep a choice that fits nothing.
 */
function Dropped({
  select,
  clear,
}: {
  select: React.RefObject<HTMLSelectElement | null>;
  clear: () => void;
}) {
  useEffect(() => {
    clear();
    select.current?.dispatchEvent(new Event("change", { bubbles: true }));
  }, [select, clear]);
  return null;
}
