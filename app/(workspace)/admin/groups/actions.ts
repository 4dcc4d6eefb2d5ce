"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canAdminister } from "@/lib/domain/auth/roles";
import type { GroupCreateInput, GroupUpdateInput } from "@/lib/domain/assignment/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { forgetGroupOptions } from "@/lib/server/assignment/read";
import {
  addGroupMember,
  createGroup,
  removeGroupMember,
  setGroupActive,
  updateGroup,
} from "@/lib/server/assignment/write";

// WRK-1: /admin/groups is the admin's (ROLE-4 in spirit; SPEC §17). Each action checks the role
// itself and the service checks it again (ROLE-2); the services parse their own input.
const PATHS = ["/admin/groups"];
type Form = { id?: string; active?: string };
const idOf = (form: FormData) => formObject<Form>(form).id;
const done = <T>(r: T) => {
  forgetGroupOptions();
  return r;
};

export async function createGroupAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "createGroup",
    allow: canAdminister,
    run: async (actor) => done(await createGroup(actor, formObject<GroupCreateInput>(form))),
    revalidate: () => PATHS,
    success: (g) => `Group ${g.name} created.`,
  });
}

export async function updateGroupAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "updateGroup",
    allow: canAdminister,
    run: async (actor) => done(await updateGroup(actor, idOf(form), formObject<GroupUpdateInput>(form))),
    revalidate: () => PATHS,
    success: (r) => (r.changed ? "Group saved." : "No changes to save."),
  });
}

export async function setGroupActiveAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setGroupActive",
    allow: canAdminister,
    run: async (actor) => done(await setGroupActive(actor, idOf(form), formObject(form))),
    revalidate: () => PATHS,
    success: (r) =>
      !r.changed
        ? "No change."
        : formObject<Form>(form).active === "true"
          ? "Group reactivated."
          : "Group deactivated.",
  });
}

export async function addGroupMemberAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "addGroupMember",
    allow: canAdminister,
    run: (actor) => addGroupMember(actor, idOf(form), formObject(form)),
    revalidate: () => PATHS,
    success: (r) => (r.added ? `${r.name} added.` : `${r.name} is already a member.`),
  });
}

export async function removeGroupMemberAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "removeGroupMember",
    allow: canAdminister,
    run: (actor) => removeGroupMember(actor, idOf(form), formObject(form)),
    revalidate: () => PATHS,
    success: (r) => (r.removed ? "Member removed." : "Not a member."),
  });
}
