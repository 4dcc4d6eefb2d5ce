// WRK-1: the input of /admin/groups — one set of schemas for the page's forms and any other caller.
import { z } from "zod";
import { LIMITS, optionalId, requiredId, requiredLine, versionField } from "../validation";
import { nameKey } from "../name-key";

export const groupCreateSchema = z.object({
  name: requiredLine("Name", LIMITS.name),
  managerId: optionalId("Manager"),
});
export type GroupCreateInput = { [K in keyof z.input<typeof groupCreateSchema>]?: unknown };

export const groupUpdateSchema = groupCreateSchema.extend({ version: versionField });
export type GroupUpdateInput = { [K in keyof z.input<typeof groupUpdateSchema>]?: unknown };

export const groupMemberSchema = z.object({ userId: requiredId("Member") });

/** A group's name as matched: two groups never share a name in any letter case or spacing. */
export const groupNameKey = nameKey;
