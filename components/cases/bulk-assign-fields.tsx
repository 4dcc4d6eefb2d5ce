"use client";
import { useState } from "react";
import { AssigneeField } from "@/components/pickers/assignee-field";
import { useLookup } from "@/components/pickers/use-lookup";
import { SelectField, type Option } from "@/components/ui/field";
import { SELECT_LIMIT, selectOrTypeahead } from "@/lib/domain/pickers/select-limit";

const BULK_ASSIGNEE_SPECIALS = [
  { value: "", label: "Leave unchanged" },
  { value: "none", label: "Unassigned" },
];

/**
 * WRK-4 / WRK-1: the bulk Assign dialog's fields. With a group chosen, Assigned to lists that group's
 * active members (as the case form does), loaded when the group is picked: every person of another
 * group would be refused on each case. Without one (Leave unchanged, No group), every person.
 */
export function BulkAssignFields({
  groups,
  assignees,
  error,
}: {
  groups: Option[];
  assignees: Option[] | null;
  error: (field: string) => string | undefined;
}) {
  const [group, setGroup] = useState("");
  return (
    <>
      <SelectField
        label="Assignment group"
        name="assignmentGroupId"
        error={error("assignmentGroupId")}
        id="bulk-group"
        blank="Leave unchanged"
        options={[{ value: "none", label: "No group" }, ...groups]}
        value={group}
        onChange={(e) => setGroup(e.currentTarget.value)}
      />
      {/^\d+$/.test(group) ? (
        <GroupMembers key={group} group={group} error={error("assignedToId")} />
      ) : (
        <AssigneeField
          label="Assigned to"
          name="assignedToId"
          error={error("assignedToId")}
          id="bulk-assignee"
          specials={BULK_ASSIGNEE_SPECIALS}
          people={assignees}
          lookupParams={CASE_WORKERS}
        />
      )}
    </>
  );
}

/** The lookup's people a case can be assigned to (WRK-1). */
const CASE_WORKERS = { works: "case" } as const;

/**
 * The chosen group's members who can work cases, after the specials — a select while they are few,
 * and past SELECT_LIMIT the typeahead over that group's members (read one past the limit): the
 * select cut at 200 left a larger group's later members out of reach.
 */
function GroupMembers({ group, error }: { group: string; error?: string }) {
  const members = useLookup("users", { group, works: "case", limit: SELECT_LIMIT + 1 }, "");
  const people = selectOrTypeahead(members.isPlaceholderData ? [] : (members.data ?? []));
  if (people === null)
    return (
      <AssigneeField
        label="Assigned to"
        name="assignedToId"
        error={error}
        id="bulk-assignee"
        specials={BULK_ASSIGNEE_SPECIALS}
        people={null}
        lookupParams={{ ...CASE_WORKERS, group }}
      />
    );
  const [blank, ...rest] = BULK_ASSIGNEE_SPECIALS;
  return (
    <SelectField
      label="Assigned to"
      name="assignedToId"
      id="bulk-assignee"
      error={error}
      blank={blank.label}
      aria-busy={members.isFetching}
      options={[...rest, ...people.map((p) => ({ value: p.id, label: p.label }))]}
      defaultValue=""
    />
  );
}
