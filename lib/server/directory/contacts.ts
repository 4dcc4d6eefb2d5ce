import "server-only";
import { inTransaction, type Tx } from "@/lib/db";
import { canAddCaseContact } from "@/lib/domain/directory/access";
import type { Actor } from "@/lib/domain/auth/roles";
import {
  activeSchema,
  caseContactSchema,
  contactCreateSchema,
  contactUpdateSchema,
  type CaseContactInput,
  type ContactCreateInput,
  type ContactUpdateInput,
} from "@/lib/domain/directory/schemas";
import { forbidden } from "@/lib/domain/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { applyUsersActive } from "../users/active";
import { assertDirectory, forgetDirectoryOptions, requirePerson } from "./access";
import { activeAccount, insertContact } from "../users/contact";
import { orEmailTaken, updatePerson } from "../users/people";

/** SET-2: a contact of an account (name, email, phone, portal roles), by an admin or manager. */
export async function createContact(actor: Actor, raw: ContactCreateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(contactCreateSchema, raw);
  const contact = await inTransaction(outer, (tx) => insertContact(tx, actor, input)).catch(
    orEmailTaken(input.email),
  );
  forgetDirectoryOptions(outer);
  return contact;
}

/**
 * SET-2: the case form's New contact — an agent adds a person to the account the case is for, without
 * leaving the case. They get no portal role and no password: portal access is given by an admin or
 * manager (portal roles, Invite) — an agent cannot make themselves a customer's sign-in. Answers the
 * option the Contact picker selects.
 */
export async function createCaseContact(actor: Actor, raw: CaseContactInput, outer?: Tx) {
  if (!canAddCaseContact(actor)) throw forbidden();
  const input = parseOrThrow(caseContactSchema, raw);
  const contact = await inTransaction(outer, (tx) => insertContact(tx, actor, { ...input, roles: [] })).catch(
    orEmailTaken(input.email),
  );
  forgetDirectoryOptions(outer);
  return { id: contact.id, label: contact.name, email: contact.email, accountId: contact.accountId };
}

/** SET-2: a contact's form — name, email, phone, portal roles — versioned (REC-6) and audited. */
export async function updateContact(actor: Actor, userId: unknown, raw: ContactUpdateInput, outer?: Tx) {
  assertDirectory(actor);
  const input = parseOrThrow(contactUpdateSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const before = await requirePerson(tx, userId, "contact");
    const changed = await updatePerson(tx, actor, { ...before, kind: "contact" }, input);
    return { id: before.id, name: input.name, changed, accountNumber: before.accountNumber };
  }).catch(orEmailTaken(input.email));
  forgetDirectoryOptions(outer);
  return out;
}

/**
 * SET-2: Deactivate / Reactivate a contact or consumer (signed out and tokens revoked at once; a
 * deactivated primary contact stops being the account's, lib/server/users/active.ts). A contact of a
 * deactivated account stays inactive until the account is reactivated.
 */
export async function setPersonActive(
  actor: Actor,
  /** The user's id as a form sends it: decimal digits (requirePerson reads it). */
  userId: unknown,
  kind: "contact" | "consumer",
  raw: { active?: unknown },
  outer?: Tx,
) {
  assertDirectory(actor);
  const { active } = parseOrThrow(activeSchema, raw);
  const out = await inTransaction(outer, async (tx) => {
    const person = await requirePerson(tx, userId, kind);
    if (active && person.accountId) await activeAccount(tx, person.accountId);
    const { ids } = await applyUsersActive(tx, { id: person.id }, active, actor);
    return {
      id: person.id,
      name: person.name,
      active,
      changed: ids.length > 0,
      accountNumber: person.accountNumber,
    };
  });
  forgetDirectoryOptions(outer);
  return out;
}
