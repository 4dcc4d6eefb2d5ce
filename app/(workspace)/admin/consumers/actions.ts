"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canManageDirectory } from "@/lib/domain/directory/access";
import type { ConsumerCreateInput, ConsumerUpdateInput } from "@/lib/domain/directory/schemas";
import { formObject } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { setPersonActive } from "@/lib/server/directory/contacts";
import { createConsumer, updateConsumer } from "@/lib/server/directory/consumers";

// SET-2: every action checks the role itself (runAction) and again in its service (ROLE-2).
const PATHS = () => ["/admin/consumers"];

export async function createConsumerAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "createConsumer",
    allow: canManageDirectory,
    run: (actor) => createConsumer(actor, formObject<ConsumerCreateInput>(form)),
    revalidate: PATHS,
    success: (c) => `Consumer ${c.name} <${c.email}> added.`,
  });
}

export async function updateConsumerAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "updateConsumer",
    allow: canManageDirectory,
    run: (actor) => {
      const { userId, ...fields } = formObject<ConsumerUpdateInput & { userId?: string }>(form);
      return updateConsumer(actor, userId, fields);
    },
    revalidate: PATHS,
    success: (r) => (r.changed ? `${r.name} saved.` : "No changes to save."),
  });
}

export async function setConsumerActiveAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setConsumerActive",
    allow: canManageDirectory,
    run: (actor) => {
      const { userId, active } = formObject<Record<string, string>>(form);
      return setPersonActive(actor, userId, "consumer", { active });
    },
    revalidate: PATHS,
    success: (r) =>
      !r.changed ? "No change." : r.active ? `${r.name} reactivated.` : `${r.name} deactivated.`,
  });
}
