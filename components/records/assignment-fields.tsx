"use client";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";

type Ref = { id: number; label: string } | null;

/**
 * WRK-1: Assignment group and Assigned to, on cases and incidents. Assigned to lists the chosen
 * group's active members (every active internal user while no group is chosen) and reloads when the
 * group changes; the server checks the same rule on save.
 */
export function AssignmentFields({
  group,
  assignedTo,
  groups,
  assignees,
  err,
}: {
  group: Ref;
  assignedTo: Ref;
  groups: RefOption[];
  assignees: RefOption[] | null;
  err: (field: string) => string | undefined;
}) {
  return (
    <>
      <ReferenceField
        label="Assignment group"
        name="assignmentGroupId"
        kind="groups"
        value={group}
        options={groups}
        error={err("assignmentGroupId")}
      />
      <ReferenceField
        label="Assigned to"
        name="assignedToId"
        kind="users"
        value={assignedTo}
        options={assignees}
        dependsOn={{ field: "assignmentGroupId", param: "group", optional: true }}
        blank="— Unassigned —"
        error={err("assignedToId")}
      />
    </>
  );
}
