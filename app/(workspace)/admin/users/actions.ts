"use server";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { NewUserInput } from "@/lib/domain/auth/user-admin";
import type { UserActiveInput, UserRoleInput } from "@/lib/domain/auth/schemas";
import { formObject } from "@/lib/domain/validation";
import type { ActionResult } from "@/lib/domain/action-result";
import { runAction } from "@/lib/server/auth/action";
import { addUserRole, removeUserRole, setUserActive } from "@/lib/server/users/access";
import { createUser } from "@/lib/server/users/admin";

// ADM-3: every action checks the admin role itself (runAction) and again in the service (ROLE-2),
// which parses its own input (lib/domain/auth/schemas.ts).
const PATHS = () => ["/admin/users"];

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
    run: (actor) => addUserRole(actor, formObject<UserRoleInput>(form)),
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
    run: (actor) => removeUserRole(actor, formObject<UserRoleInput>(form)),
    revalidate: PATHS,
    success: (r) => (r.changed ? `${r.role} removed from ${r.name}.` : "No change."),
  });
}

export async function setUserActiveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "setUserActive",
    allow: canAdminister,
    run: (actor) => setUserActive(actor, formObject<UserActiveInput>(form)),
    revalidate: PATHS,
    success: (r) =>
      !r.changed ? "No change." : r.active ? `${r.name} reactivated.` : `${r.name} deactivated.`,
  });
}
