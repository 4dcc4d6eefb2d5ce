"use client";
import { useEffect, useEffectEvent, useRef, type RefObject } from "react";

/**
 * Fields changed before the page's script ran. React hydrates a field as it finds it, so the
 * person's choice shows, but a controlled field's state still holds the server's: its next render
 * puts that back without a word, and whatever is built from the state (a hidden input) never sends
 * the choice; no change listener heard it either. (Clicks on checkboxes and buttons are held until
 * hydration instead: components/providers/hydration-guard.ts, `data-needs-script`.)
 */

type FormField = HTMLInputElement | HTMLSelectElement;

/**
 * The value the person gave `field` before hydration, or null. A select drawn by the server marks
 * its choice `defaultSelected`; one drawn in the browser (after a client navigation) marks none,
 * and is never taken for changed. An input's `defaultValue` is the value React hydrated it with.
 * Strictly it says "differs from what the server drew": React never moves `defaultSelected` when
 * a controlled select changes later, so call it when the field mounts, as the hooks below do.
 */
export function changedBeforeHydration(field: FormField): string | null {
  if (field instanceof HTMLSelectElement) {
    const options = [...field.options];
    const drawnByServer = options.some((o) => o.defaultSelected);
    return drawnByServer && options.some((o) => o.selected !== o.defaultSelected) ? field.value : null;
  }
  return field.value !== field.defaultValue ? field.value : null;
}

/**
 * A controlled field's ref: `take` gets, once mounted, a value the person gave it before
 * hydration, for the state. (Not a replayed change event: React answers one dispatched while it
 * commits by putting the field back to its current props first — a dependent field then finds its
 * parent unchanged.)
 */
export function useEarlyValue<T extends FormField = HTMLInputElement>(take: (value: string) => void) {
  const ref = useRef<T>(null);
  const onEarly = useEffectEvent(take);
  useEffect(() => {
    const early = ref.current && changedBeforeHydration(ref.current);
    if (early !== null && early !== undefined) onEarly(early);
  }, []);
  return ref;
}

/**
 * Follows another field of the form `anchor` sits in (Contact follows Account): `follow` gets that
 * field on each of its change events — a select's, or a typeahead's hidden input's — and once at
 * mount if the person changed it before hydration, when no listener could hear it.
 */
export function useFollowedField(
  anchor: RefObject<{ form: HTMLFormElement | null } | null>,
  name: string | undefined,
  follow: (field: FormField) => void,
) {
  const onField = useEffectEvent(follow);
  useEffect(() => {
    const form = anchor.current?.form;
    if (!form || !name) return;
    const listener = (e: Event) => {
      const target = e.target as FormField;
      if (target.name === name) onField(target);
    };
    form.addEventListener("change", listener);
    const field = form.elements.namedItem(name);
    if (
      (field instanceof HTMLSelectElement || field instanceof HTMLInputElement) &&
      changedBeforeHydration(field) !== null
    )
      onField(field);
    return () => form.removeEventListener("change", listener);
  }, [anchor, name]);
}
