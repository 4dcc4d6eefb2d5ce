"use client";
import { offeringChosen } from "@/components/pickers/assignee-field";
import { ReferenceField } from "@/components/pickers/reference-field";
import { SelectField, type Option } from "@/components/ui/field";

/**
 * WRK-1: a group's manager, or a member to add — a select of the active internal users, or with
 * more than a select lists (SELECT_LIMIT; `users` null) a typeahead over them (/api/lookup/users).
 * A plain SelectField while the users fit, not ReferenceField's controlled select: the new-group
 * form is reset after each group it makes, and an uncontrolled select resets with it.
 */
export function PersonField({
  id,
  label,
  name,
  users,
  value,
  blank,
  error,
  notMemberOf,
}: {
  id: string;
  label: string;
  name: string;
  users: Option[] | null;
  /** The person chosen now (the group's manager), named for the typeahead. */
  value?: { id: number; label: string } | null;
  blank: string;
  error?: string;
  /** Add member: the typeahead leaves out this group's members (the select's list already does). */
  notMemberOf?: number;
}) {
  if (users)
    return (
      <SelectField
        id={id}
        label={label}
        name={name}
        // The chosen person is offered even when the list lacks them (deactivated since): saving the
        // group's name must not drop its manager.
        options={offeringChosen(users, value && { value: value.id, label: value.label })}
        blank={blank}
        defaultValue={value ? String(value.id) : ""}
        error={error}
      />
    );
  return (
    <ReferenceField
      id={id}
      label={label}
      name={name}
      kind="users"
      options={null}
      value={value ?? null}
      placeholder="Search people…"
      params={notMemberOf ? { notMemberOf } : undefined}
      error={error}
    />
  );
}
