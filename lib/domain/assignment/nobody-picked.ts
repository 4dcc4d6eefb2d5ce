// WRK-4: an Assigned to field with more people than a select lists offers "A person…" and a
// typeahead (components/pickers/assignee-field.tsx). The select submits the field, so "A person…"
// with nobody picked yet sends this token: the case list's filter says so on the field instead of
// listing everyone, and a bulk change refuses it, naming the field.

/** What "A person…" sends while nobody is picked in its typeahead. */
export const NOBODY_PICKED = "someone";

/** The error shown on the field (`label`: the field's name) when that is submitted. */
export const nobodyPickedMessage = (label: string) => `${label}: pick a person, or choose another option.`;
