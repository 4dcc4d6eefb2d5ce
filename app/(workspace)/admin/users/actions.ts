"use server";
import { z } from "zod";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { NewUserInput } from "@/lib/domain/auth/user-admin";
import { booleanText, formObject, parseOrThrow, plainText, requiredId } from "@/lib/domain/validation";
import type { ActionResult } from "@/lib/domain/action-result";
import { runAction } from "@/lib/server/action";
import { addUserRole, removeUserRole, setUserActive } from "@/lib/server/users/access";
import { createUser } from "@/lib/server/users/admin";

// ADM-3: every action checks the admin role itself (runAction) and again in the service (ROLE-2).
const PATHS = () => ["/admin/users"];
const roleSchema = z.object({ userId: requiredId("User"), role: plainText("Role").max(100) });
const activeSchema = z.object({ userId: requiredId("User"), active: booleanText("Active") });

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "createUser",
    allow: canAdminister,
    run: (actor) => createUser(actor, formObject<NewUserInput>(form)),
    revalidate: PATHS,
    success: (u) => `User ${u.email} created.`,
  });
}

export async function addUserRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "addUserRole",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(roleSchema, formObject(form));
      return addUserRole(actor, input.userId, input.role);
    },
    revalidate: PATHS,
    success: (r) => (r.changed ? `${r.name} now has the ${r.role} role.` : `${r.name} already has it.`),
  });
}

export async function removeUserRoleAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeUserRole",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(roleSchema, formObject(form));
      return removeUserRole(actor, input.userId, input.role);
    },
    revalidate: PATHS,
    success: (r) => (r.changed ? `${r.role} removed from ${r.name}.` : "No change."),
  });
}

export async function setUserActiveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "setUserActive",
    allow: canAdminister,
    run: (actor) => {
      const input = parseOrThrow(activeSchema, formObject(form));
      return setUserActive(actor, input.userId, input.active);
    },
    revalidate: PATHS,
    success: (r) =>
      !r.changed ? "No change." : r.active ? `${r.name} reactivated.` : `${r.name} deactivated.`,
  });
}
