"use client";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";

type Ref = { id: number; label: string } | null;

// Constant objects: the lookup's cache key compares params by value, but a stable object spares renders.
const WORKS = { case: { works: "case" }, incident: { works: "incident" } } as const;

/**
 * WRK-1: Assignment group and Assigned to, on cases and incidents. Assigned to lists the chosen
 * group's active members (every active internal user while no group is chosen) and reloads when the
 * group changes; the server checks the same rule on save.
 */
export function AssignmentFields({
  works,
  group,
  assignedTo,
  groups,
  assignees,
  err,
}: {
  /** The record's kind: Assigned to offers those who can work it (WRK-1). */
  works: "case" | "incident";
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
        params={WORKS[works]}
        dependsOn={{ field: "assignmentGroupId", param: "group", optional: true }}
        blank="— Unassigned —"
        error={err("assignedToId")}
      />
    </>
  );
}
