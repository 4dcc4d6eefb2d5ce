"use client";
import { useState } from "react";
import { useEarlyValue } from "@/components/ui/early-value";
import { controlClass, Field, SelectField, type Option } from "@/components/ui/field";
import { NOBODY_PICKED } from "@/lib/domain/assignment/nobody-picked";
import { Combobox } from "./combobox";
import type { LookupParams } from "./use-lookup";

type Props = {
  label: string;
  /** The submitted field: a special choice's value, or the person's id. */
  name: string;
  id: string;
  /** The choices before the people (Anyone, Me, Unassigned…); the first is the blank, value "". */
  specials: readonly Option[];
  /** The active internal users for a select, or null when there are too many (SELECT_LIMIT). */
  people: readonly Option[] | null;
  /** The value the field starts with: a special's, or a person's id. */
  value?: string;
  /** The person `value` names (a typeahead's text; a deactivated person a select does not offer). */
  person?: { value: number; label: string } | null;
  error?: string;
  className?: string;
  /** The typeahead's lookup parameters (`works: "case"`: those who can be assigned a case). */
  lookupParams?: LookupParams;
};

/**
 * WRK-4: who a filter or a bulk change names — one select of the special choices and the people.
 * With more people than a select lists, the select ends with "A person…", which shows a typeahead
 * over the internal users beside it (/api/lookup/users), and the person picked there becomes the
 * field's value. Hand-written around the project's Combobox: a typeahead alone cannot offer "Me"
 * or "Unassigned", and a select alone cannot offer thousands of people.
 */
export function AssigneeField(props: Props) {
  return props.people === null ? <ManyPeople {...props} /> : <FewPeople {...props} people={props.people} />;
}

/**
 * `options`, and `chosen` after them when they lack it (a person deactivated since): a select
 * drawn without its chosen option would show, and send, its blank.
 */
export function offeringChosen(
  options: readonly Option[],
  chosen: { value: number; label: string } | null | undefined,
): readonly Option[] {
  return chosen && !options.some((o) => Number(o.value) === chosen.value) ? [...options, chosen] : options;
}

/** A plain select: the special choices, then the people. */
function FewPeople({
  label,
  name,
  id,
  specials,
  people,
  value = "",
  person,
  error,
  className,
}: Props & { people: readonly Option[] }) {
  const [blank, ...rest] = specials;
  return (
    <SelectField
      label={label}
      name={name}
      id={id}
      error={error}
      className={className}
      blank={blank.label}
      // The person the value names is offered even when the list lacks them (deactivated since).
      options={[...rest, ...offeringChosen(people, person)]}
      defaultValue={value}
    />
  );
}

/**
 * The special choices and "A person…", which shows the typeahead beside the select. The select
 * alone submits the field, so one value is sent whatever the person did before the page's script
 * ran: "A person…" carries the picked person's id (or NOBODY_PICKED, none picked: the list's
 * filter and a bulk change say so on this field), and the typeahead submits nothing itself (no name).
 */
function ManyPeople({
  label,
  name,
  id,
  specials,
  value = "",
  person,
  error,
  className,
  lookupParams,
}: Props) {
  const isSpecial = (v: string) => specials.some((s) => String(s.value) === v);
  const [choice, setChoice] = useState<string>(isSpecial(value) ? value : NOBODY_PICKED);
  const [picked, setPicked] = useState(person && String(person.value) === value ? person : null);
  // A choice made before the page's script ran becomes the state's.
  const ref = useEarlyValue<HTMLSelectElement>((v) => setChoice(isSpecial(v) ? v : NOBODY_PICKED));
  const someone = choice === NOBODY_PICKED;
  const personValue = picked ? String(picked.value) : NOBODY_PICKED;
  // An error answers the choice it came back for: another choice hides it until the next answer
  // ("pick a person" must not stay under Me once Me is chosen).
  const [answered, setAnswered] = useState({ error, choice });
  if (answered.error !== error) setAnswered({ error, choice });
  const shown = answered.choice === choice ? error : undefined;
  return (
    <>
      <Field label={label} id={id} error={someone ? undefined : shown} className={className}>
        <select
          ref={ref}
          id={id}
          name={name}
          value={someone ? personValue : choice}
          onChange={(e) =>
            setChoice(isSpecial(e.currentTarget.value) ? e.currentTarget.value : NOBODY_PICKED)
          }
          aria-invalid={!someone && !!shown}
          aria-describedby={!someone && shown ? `${id}-error` : undefined}
          className={controlClass(!someone ? shown : undefined)}
        >
          {[...specials, { value: personValue, label: "A person…" }].map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      {someone && (
        <Field label={`${label}: person`} id={`${id}-person`} error={shown} className={className}>
          <Combobox
            id={`${id}-person`}
            name="" // the select submits the pick
            kind="users"
            params={lookupParams}
            value={picked && { id: picked.value, label: picked.label }}
            onPick={(o) => setPicked(o && { value: o.id, label: o.label })}
            error={shown}
            placeholder="Search people…"
          />
        </Field>
      )}
    </>
  );
}
